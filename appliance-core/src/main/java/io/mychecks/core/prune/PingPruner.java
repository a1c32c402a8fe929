package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import io.mychecks.core.prune.PruneStore.CheckLimit;
import java.util.List;
import java.util.Optional;

/**
 * {@code prunepings}: for each check, deletes all but its owner's {@code ping_log_limit} most
 * recent pings. The check's {@code n_pings} counter is left alone (it counts every ping ever).
 */
public final class PingPruner implements Pruner {
    private final Database database;
    private final PruneStore store = new PruneStore();
    private final int batch;

    public PingPruner(Database database) {
        this(database, DEFAULT_BATCH);
    }

    /** A pruner that deletes at most {@code batch} pings per transaction. */
    public PingPruner(Database database, int batch) {
        this.database = database;
        this.batch = batch;
    }

    @Override
    public long preview() {
        return store.countPrunablePings(database.dsl());
    }

    @Override
    public long prune(PruneMonitor monitor) {
        long total = 0;
        long afterId = 0;
        List<CheckLimit> page;
        do {
            // reads outside a transaction: on SQLite they do not take the write lock
            page = store.checkLimits(database.dsl(), afterId, batch);
            for (CheckLimit check : page) {
                if (monitor.cancelled()) {
                    return total;
                }
                total += pruneCheck(check, monitor, total);
                afterId = check.checkId();
            }
        } while (page.size() == batch);
        return total;
    }

    private long pruneCheck(CheckLimit check, PruneMonitor monitor, long before) {
        Optional<long[]> range = store.pingRange(database.dsl(), check.checkId());
        if (range.isEmpty()) {
            return 0;
        }
        long cutoff;
        if (check.pingLogLimit() <= 0) {
            cutoff = range.get()[1] + 1;
        } else {
            Optional<Long> oldestKept =
                    store.nthNewestPing(database.dsl(), check.checkId(), check.pingLogLimit());
            if (oldestKept.isEmpty()) {
                return 0;
            }
            cutoff = oldestKept.get();
        }
        // Walk up from the lowest number so each delete removes at most `batch` pings; new
        // pings arriving meanwhile have higher numbers and are never touched.
        long total = 0;
        for (long low = range.get()[0]; low < cutoff && !monitor.cancelled(); low += batch) {
            long upper = Math.min(cutoff, low + batch);
            total +=
                    database.inTransaction(
                            cfg -> store.deletePingsBelow(cfg.dsl(), check.checkId(), upper));
            monitor.deleted(before + total);
        }
        return total;
    }
}
