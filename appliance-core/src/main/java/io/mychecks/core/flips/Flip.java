package io.mychecks.core.flips;

import io.mychecks.core.checks.CheckStatus;
import java.time.Instant;

/** A stored status change of a check. {@code processed} is null until its alerts are queued. */
public record Flip(
        long id,
        long checkId,
        Instant created,
        Instant processed,
        CheckStatus oldStatus,
        CheckStatus newStatus,
        String reason) {

    /** The same rule as {@link FlipDraft#notifies()}. */
    public boolean notifies() {
        return new FlipDraft(checkId, created, oldStatus, newStatus, reason).notifies();
    }
}
