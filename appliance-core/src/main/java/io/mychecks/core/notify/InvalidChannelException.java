package io.mychecks.core.notify;

/** A channel's settings are not acceptable; the message says why (shown to API clients). */
public class InvalidChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidChannelException(String message) {
        super(message);
    }
}
