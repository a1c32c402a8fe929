package io.mychecks.core.flips;

import io.mychecks.core.checks.CheckStatus;
import java.time.Instant;

/** A status change about to be stored. {@code reason}: "", {@code timeout} or {@code fail}. */
public record FlipDraft(
        long checkId,
        Instant created,
        CheckStatus oldStatus,
        CheckStatus newStatus,
        String reason) {

    /** True when the change is worth a notification: never for new→up or paused→up. */
    public boolean notifies() {
        return !(newStatus == CheckStatus.UP
                && (oldStatus == CheckStatus.NEW || oldStatus == CheckStatus.PAUSED));
    }
}
