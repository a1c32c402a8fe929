package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import java.util.function.ToIntFunction;
import org.jooq.DSLContext;

/** Repeats a bounded delete, each in its own transaction, until a batch comes back short. */
final class BatchedDelete {
    private BatchedDelete() {}

    /**
     * Runs {@code step} (which deletes at most {@code batch} rows) until done; returns the total.
     */
    static long repeat(Database database, int batch, ToIntFunction<DSLContext> step) {
        long total = 0;
        int deleted;
        do {
            deleted = database.inTransaction(cfg -> step.applyAsInt(cfg.dsl()));
            total += deleted;
        } while (deleted >= batch);
        return total;
    }
}
