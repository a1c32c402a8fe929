package io.mychecks.core.alerts;

import io.mychecks.core.checks.CheckStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One (flip, channel) delivery of the outbox; {@code attempts} counts claims so far, and {@code
 * leaseToken} names the claim that may record its result.
 */
public record Notification(
        long id,
        UUID code,
        Long checkId,
        long channelId,
        Long flipId,
        CheckStatus checkStatus,
        Instant flipCreated,
        Instant created,
        String state,
        int attempts,
        Instant nextAttempt,
        Instant leaseUntil,
        Instant sent,
        String error,
        String leaseToken) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /** Not sent: a newer flip of the same check came first. */
    public static final String SUPERSEDED = "superseded";
}
