package io.mychecks.core.pings;

import java.util.UUID;

/** How the intake answered one ping; the HTTP and SMTP layers turn it into their replies. */
public record PingResult(Outcome outcome, UUID checkCode) {

    /** The possible answers, in the reference's terms. */
    public enum Outcome {
        /** Recorded (also when it was recorded as ignored). */
        OK,
        /** Recorded on a check created by {@code create=1}. */
        CREATED,
        NOT_FOUND,
        AMBIGUOUS_SLUG,
        /** An exit status above 255, or an upper-case slug. */
        INVALID_URL,
        /** A {@code rid} that is not a UUID. */
        INVALID_RID,
        /** The database failed; nothing was recorded. */
        UNAVAILABLE
    }

    public static PingResult of(Outcome outcome) {
        return new PingResult(outcome, null);
    }
}
