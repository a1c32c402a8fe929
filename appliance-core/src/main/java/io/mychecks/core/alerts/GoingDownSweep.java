package io.mychecks.core.alerts;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.flips.FlipStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Turns overdue checks into DOWN flips.
 *
 * <ol>
 *   <li>Find checks that are not down and whose {@code alert_after} has passed.
 *   <li>If the check is down by the rules, set DOWN with a compare-and-set on status, alert time
 *       and ping count, and store the flip in the same transaction: a ping that landed in between
 *       makes the update miss, and a crash cannot leave a down check without its flip.
 *   <li>If it is not down yet (its settings changed), move its alert time instead.
 * </ol>
 */
public final class GoingDownSweep {
    private static final int BATCH = 500;
    private final Database database;
    private final CheckStore checks;
    private final FlipStore flips;

    public GoingDownSweep(Database database, CheckStore checks, FlipStore flips) {
        this.database = database;
        this.checks = checks;
        this.flips = flips;
    }

    /**
     * Handles the overdue checks of one look, all in one transaction (a burst of checks going late
     * at once costs one commit per batch, not one per check); returns the number of flips stored.
     */
    public int sweepOne(Instant now) {
        List<Check> due = new ArrayList<>(checks.dueForAlert(database.dsl(), now, BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        // rows are locked in check id order everywhere, so sweeps and ping batches never deadlock
        due.sort(Comparator.comparingLong(Check::id));
        return database.inTransactionRetrying(
                cfg -> {
                    int flipped = 0;
                    for (Check check : due) {
                        if (handle(cfg.dsl(), check, now)) {
                            flipped++;
                        }
                    }
                    return flipped;
                });
    }

    private boolean handle(DSLContext ctx, Check check, Instant now) {
        CheckStatus status = StatusCalculator.status(check, now, false);
        if (status == CheckStatus.DOWN) {
            if (!checks.markDown(ctx, check)) {
                return false; // a ping or another process changed the check first
            }
            flips.insert(
                    ctx,
                    new FlipDraft(
                            check.id(),
                            check.state().alertAfter(),
                            check.state().status(),
                            CheckStatus.DOWN,
                            "timeout"),
                    false);
            return true;
        }
        Instant next = StatusCalculator.goingDownAfter(check);
        if (next != null && !next.isAfter(now)) {
            // the rules and the stored alert time disagree: look again later, not in a tight loop
            next = now.plus(Duration.ofMinutes(1));
        }
        checks.moveAlertAfter(ctx, check, next);
        return false;
    }
}
