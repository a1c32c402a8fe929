package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code prunetokenbucket}: deletes rate-limit records not updated for over a day. */
public final class TokenBucketPruner implements Pruner {
    private final Database database;
    private final Clock clock;
    private final PruneStore store = new PruneStore();
    private final int batch;

    public TokenBucketPruner(Database database, Clock clock) {
        this(database, clock, DEFAULT_BATCH);
    }

    /** A pruner that deletes at most {@code batch} records per transaction. */
    public TokenBucketPruner(Database database, Clock clock, int batch) {
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
                ctx -> store.deleteTokenBucketsBefore(ctx, cutoff, batch));
    }

    @Override
    public long preview() {
        return store.countTokenBucketsBefore(database.dsl(), cutoff());
    }

    private Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(1));
    }
}
