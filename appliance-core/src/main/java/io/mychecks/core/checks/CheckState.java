package io.mychecks.core.checks;

import java.time.Instant;

/**
 * What pings and the alert loop change on a check. {@code alertAfter} is the precomputed moment the
 * check goes down (null: never), kept in step with the rest on every write.
 */
public record CheckState(
        long nPings,
        Instant lastPing,
        Instant lastStart,
        String lastStartRid,
        Long lastDurationMs,
        boolean hasConfirmationLink,
        Instant alertAfter,
        CheckStatus status) {

    /** The state of a check that never received a ping. */
    public static CheckState fresh() {
        return new CheckState(0, null, null, null, null, false, null, CheckStatus.NEW);
    }

    public CheckState withStatus(CheckStatus s) {
        return new CheckState(
                nPings,
                lastPing,
                lastStart,
                lastStartRid,
                lastDurationMs,
                hasConfirmationLink,
                alertAfter,
                s);
    }

    public CheckState withAlertAfter(Instant a) {
        return new CheckState(
                nPings,
                lastPing,
                lastStart,
                lastStartRid,
                lastDurationMs,
                hasConfirmationLink,
                a,
                status);
    }

    public CheckState withLastStart(Instant start, String rid) {
        return new CheckState(
                nPings,
                lastPing,
                start,
                rid,
                lastDurationMs,
                hasConfirmationLink,
                alertAfter,
                status);
    }

    public CheckState withLastPing(Instant ping) {
        return new CheckState(
                nPings,
                ping,
                lastStart,
                lastStartRid,
                lastDurationMs,
                hasConfirmationLink,
                alertAfter,
                status);
    }
}
