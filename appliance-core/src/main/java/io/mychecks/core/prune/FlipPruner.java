package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * {@code pruneflips}: deletes status changes older than 3 months, which no longer feed the monthly
 * downtime figures. A flip whose alerts are not yet queued (unprocessed) is kept.
 */
public final class FlipPruner implements Pruner {
    private final Database database;
    private final Clock clock;
    private final PruneStore store = new PruneStore();
    private final int batch;

    public FlipPruner(Database database, Clock clock) {
        this(database, clock, DEFAULT_BATCH);
    }

    /** A pruner that deletes at most {@code batch} flips per transaction. */
    public FlipPruner(Database database, Clock clock, int batch) {
        this.database = database;
        this.clock = clock;
        this.batch = batch;
    }

    @Override
    public long prune(PruneMonitor monitor) {
        Instant cutoff = cutoff();
        return BatchedDelete.repeat(
                database,
                batch,
                monitor,
                0,
                ctx -> store.deleteProcessedFlipsBefore(ctx, cutoff, batch));
    }

    @Override
    public long preview() {
        return store.countProcessedFlipsBefore(database.dsl(), cutoff());
    }

    private Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minusMonths(3).toInstant();
    }
}
