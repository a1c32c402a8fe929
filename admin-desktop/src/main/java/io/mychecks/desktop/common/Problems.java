package io.mychecks.desktop.common;

import io.mychecks.core.db.DatabaseException;
import io.mychecks.core.settings.InvalidSettingException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns a failure into one line a person can act on: never a stack trace. */
public final class Problems {
    /** What to do when the console may not read or write the appliance's files. */
    public static final String JOIN_GROUP =
            "add yourself to the mychecks group: sudo adduser $USER mychecks, then log in again";

    private Problems() {}

    public static String describe(Throwable e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile() + " (" + JOIN_GROUP + ")";
        }
        if (t instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (t instanceof InvalidSettingException) {
            return "invalid setting " + t.getMessage();
        }
        if (t instanceof DatabaseException
                || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException) {
            return t.getMessage();
        }
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? t.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
