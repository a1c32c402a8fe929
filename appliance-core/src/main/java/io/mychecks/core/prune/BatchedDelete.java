package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.util.function.ToIntFunction;
import org.jooq.DSLContext;

/** Repeats a bounded delete, each in its own transaction, until a batch comes back short. */
final class BatchedDelete {
    private BatchedDelete() {}

    /**
     * Runs {@code step} (which deletes at most {@code batch} rows) until done or cancelled; returns
     * the total. {@code before} is what earlier steps of the same prune deleted, so the monitor
     * sees one running total.
     */
    static long repeat(
            Database database,
            int batch,
            PruneMonitor monitor,
            long before,
            ToIntFunction<DSLContext> step) {
        long total = 0;
        int deleted;
        do {
            if (monitor.cancelled()) {
                break;
            }
            deleted = database.inTransaction(cfg -> step.applyAsInt(cfg.dsl()));
            total += deleted;
            monitor.deleted(before + total);
        } while (deleted >= batch);
        return total;
    }
}
