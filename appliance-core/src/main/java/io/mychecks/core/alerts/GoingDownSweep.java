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
     * Handles the overdue checks of one look, all in one transaction and set-based: one batch of
     * compare-and-set updates marks the down ones, one insert stores their flips, one batch moves
     * the alert time of the others (a burst of checks going late at once costs a few statements per
     * batch, not a few per check); returns the number of flips stored.
     */
    public int sweepOne(Instant now) {
        List<Check> due = checks.dueForAlert(database.dsl(), now, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        return database.inTransactionRetrying(cfg -> sweep(cfg.dsl(), due, now));
    }

    /** Handles the checks {@code due} in the caller's transaction; returns the flips stored. */
    int sweep(DSLContext ctx, List<Check> due, Instant now) {
        List<Check> sorted = new ArrayList<>(due);
        // rows are locked in check id order everywhere, so sweeps and ping batches never deadlock
        sorted.sort(Comparator.comparingLong(Check::id));
        List<Check> down = new ArrayList<>();
        List<Check> notYet = new ArrayList<>();
        List<Instant> nextLook = new ArrayList<>();
        for (Check check : sorted) {
            if (StatusCalculator.status(check, now, false) == CheckStatus.DOWN) {
                down.add(check);
                continue;
            }
            Instant next = StatusCalculator.goingDownAfter(check);
            if (next != null && !next.isAfter(now)) {
                // the rules and the stored alert time disagree: look again later, not in a loop
                next = now.plus(Duration.ofMinutes(1));
            }
            notYet.add(check);
            nextLook.add(next);
        }
        // a check a ping or another process changed first misses its update
        boolean[] marked = checks.markAllDown(ctx, down);
        List<FlipDraft> drafts = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                Check check = down.get(i);
                drafts.add(
                        new FlipDraft(
                                check.id(),
                                check.state().alertAfter(),
                                check.state().status(),
                                CheckStatus.DOWN,
                                "timeout"));
            }
        }
        flips.insertAll(ctx, drafts);
        checks.moveAllAlertAfter(ctx, notYet, nextLook);
        return drafts.size();
    }
}
