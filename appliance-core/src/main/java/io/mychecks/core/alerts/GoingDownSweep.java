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
import java.util.List;

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
    private static final int BATCH = 100;
    private final Database database;
    private final CheckStore checks;
    private final FlipStore flips;

    public GoingDownSweep(Database database, CheckStore checks, FlipStore flips) {
        this.database = database;
        this.checks = checks;
        this.flips = flips;
    }

    /** Handles the overdue checks of one look; returns the number of flips it stored. */
    public int sweepOne(Instant now) {
        List<Check> due = checks.dueForAlert(database.dsl(), now, BATCH);
        int flipped = 0;
        for (Check check : due) {
            if (handle(check, now)) {
                flipped++;
            }
        }
        return flipped;
    }

    private boolean handle(Check check, Instant now) {
        CheckStatus status = StatusCalculator.status(check, now, false);
        if (status == CheckStatus.DOWN) {
            Instant flipTime = check.state().alertAfter();
            return database.inTransaction(
                    cfg -> {
                        if (!checks.markDown(cfg.dsl(), check)) {
                            return false; // a ping or another process changed the check first
                        }
                        flips.insert(
                                cfg.dsl(),
                                new FlipDraft(
                                        check.id(),
                                        flipTime,
                                        check.state().status(),
                                        CheckStatus.DOWN,
                                        "timeout"),
                                false);
                        return true;
                    });
        }
        Instant next = StatusCalculator.goingDownAfter(check);
        if (next != null && !next.isAfter(now)) {
            // the rules and the stored alert time disagree: look again later, not in a tight loop
            next = now.plus(Duration.ofMinutes(1));
        }
        Instant target = next;
        database.inTransactionRun(cfg -> checks.moveAlertAfter(cfg.dsl(), check, target));
        return false;
    }
}
