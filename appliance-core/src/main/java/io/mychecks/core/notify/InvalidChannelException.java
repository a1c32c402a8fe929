package io.mychecks.core.notify;

import java.util.List;

/**
 * A channel's settings are not acceptable. The message says why (shown to API clients); {@link
 * #errors()} lists every field's problem for a web form.
 */
public class InvalidChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The API's prefix of a problem with the request's fields. */
    public static final String PREFIX = "json validation error: ";

    private final transient List<FieldError> errors;

    /** A problem that concerns no single field (an unknown kind); the message is shown as is. */
    public InvalidChannelException(String message) {
        super(message);
        this.errors = List.of(new FieldError("", message));
    }

    /** Problems with fields; the message is the first one's, after {@link #PREFIX}. */
    public InvalidChannelException(List<FieldError> errors) {
        super(PREFIX + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in the order of the fields. */
    public List<FieldError> errors() {
        return errors;
    }
}
