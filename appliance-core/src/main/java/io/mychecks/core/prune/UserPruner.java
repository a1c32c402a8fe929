package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@code pruneusers}: deletes accounts created over 6 months ago that never logged in, and accounts
 * whose last login is over 6 months ago and that own no checks. Their projects, checks and
 * memberships go with them.
 *
 * <p>Two safety rules beyond the seed's wording: superusers are never deleted (an admin who only
 * uses the command line and the API never "logs in"), and a never-logged-in account that belongs to
 * a team is kept, as the reference keeps it.
 */
public final class UserPruner implements Pruner {
    private final Database database;
    private final Clock clock;
    private final PruneStore store = new PruneStore();
    private final int batch;

    public UserPruner(Database database, Clock clock) {
        this(database, clock, DEFAULT_BATCH);
    }

    /** A pruner that deletes at most {@code batch} accounts per transaction. */
    public UserPruner(Database database, Clock clock, int batch) {
        this.database = database;
        this.clock = clock;
        this.batch = batch;
    }

    @Override
    public long prune(PruneMonitor monitor) {
        Instant cutoff = cutoff();
        long never =
                BatchedDelete.repeat(
                        database,
                        batch,
                        monitor,
                        0,
                        ctx -> store.deleteNeverLoggedInUsers(ctx, cutoff, batch));
        return never
                + BatchedDelete.repeat(
                        database,
                        batch,
                        monitor,
                        never,
                        ctx -> store.deleteInactiveUsersWithoutChecks(ctx, cutoff, batch));
    }

    @Override
    public long preview() {
        return store.countPrunableUsers(database.dsl(), cutoff());
    }

    private Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
    }
}
