package io.mychecks.core.manage;

/** A create or update request breaks a rule; the message is the reference's error text. */
public class InvalidCheckSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCheckSpecException(String message) {
        super(message, null, false, false);
    }
}
