package io.mychecks.core.schedule;

/**
 * Thrown when a schedule expression or its time zone cannot be used; the message is meant for
 * people ("invalid cron expression: minute: value out of range").
 */
public class InvalidScheduleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what is wrong with the input. */
    public InvalidScheduleException(String message) {
        super(message);
    }

    /** Creates the exception with a message for people and the library error behind it. */
    public InvalidScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
