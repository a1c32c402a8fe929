package io.mychecks.core.manage;

/**
 * A check operation that cannot be done; {@link #reason()} says why, the message is for the user.
 */
public class CheckRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Reason {
        /** No check with that UUID. */
        NOT_FOUND,
        /** The check belongs to another project. */
        FORBIDDEN,
        /** The project's owner has as many checks as the account allows. */
        LIMIT_REACHED,
        /** The {@code channels} field names no channel, or several, of the project. */
        BAD_CHANNELS,
        /** Resume of a check that is not paused. */
        NOT_PAUSED
    }

    private final Reason reason;

    public CheckRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
