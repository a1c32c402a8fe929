package io.mychecks.core.schedule;

/** A schedule expression cannot be parsed or never fires. */
public class InvalidScheduleException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message) {
        super(message);
    }
}
