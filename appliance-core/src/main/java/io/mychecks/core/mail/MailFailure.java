package io.mychecks.core.mail;

/** An email could not be sent; {@link #kind()} says whether trying again may help. */
public final class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why sending failed. */
    public enum Kind {
        /** EMAIL_HOST is empty: nothing to send through. */
        NOT_CONFIGURED,
        /** The server could not be reached, timed out, or answered 4xx: try again later. */
        TRANSIENT,
        /** The server refused for good (5xx), e.g. an unknown recipient. */
        REJECTED
    }

    private final Kind kind;

    public MailFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
