package io.mychecks.core.text;

import io.mychecks.core.logging.Redactor;

/** Shortening text for columns of a fixed width, never splitting a character in two. */
public final class Truncate {
    /** Errors stored on deliveries and channels are at most this many characters. */
    public static final int ERROR_LENGTH = 200;

    private Truncate() {}

    /**
     * The first {@code max} characters (code points) of {@code s}: a character outside the basic
     * plane counts as one and is never cut in half. Null becomes "".
     */
    public static String toChars(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    /** An error as stored for users to read: secrets taken out, at most 200 characters. */
    public static String storedError(String error) {
        return toChars(Redactor.redact(error), ERROR_LENGTH);
    }
}
