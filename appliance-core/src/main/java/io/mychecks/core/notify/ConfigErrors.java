package io.mychecks.core.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while parsing a channel's settings, so a web form can show every
 * field's problem at once; the API answers with the first.
 */
public final class ConfigErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** Records that {@code field} is wrong; {@code message} names the field. */
    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** True when {@code field} already has a problem (later checks of it are skipped). */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws when any problem was recorded. */
    public void throwIfAny() throws InvalidChannelException {
        if (!errors.isEmpty()) {
            throw new InvalidChannelException(errors);
        }
    }
}
