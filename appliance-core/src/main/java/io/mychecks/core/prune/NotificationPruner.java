package io.mychecks.core.prune;

import io.mychecks.core.db.Database;
import io.mychecks.core.prune.PruneStore.CheckLimit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code prunenotifications}: for each check, deletes the notification records older than the
 * check's oldest stored ping, so the history shown beside the pings stays complete. A notification
 * still {@code pending} (not yet sent) is never deleted; checks without pings keep all their
 * notifications.
 */
public final class NotificationPruner implements Pruner {
    private final Database database;
    private final PruneStore store = new PruneStore();
    private final int batch;

    public NotificationPruner(Database database) {
        this(database, DEFAULT_BATCH);
    }

    /** A pruner that deletes at most {@code batch} notifications per transaction. */
    public NotificationPruner(Database database, int batch) {
        this.database = database;
        this.batch = batch;
    }

    @Override
    public long preview() {
        return store.countPrunableNotifications(database.dsl());
    }

    @Override
    public long prune(PruneMonitor monitor) {
        long total = 0;
        long afterId = 0;
        List<CheckLimit> page;
        do {
            page = store.checkLimits(database.dsl(), afterId, batch);
            for (CheckLimit check : page) {
                if (monitor.cancelled()) {
                    return total;
                }
                Optional<Instant> oldest = store.oldestPing(database.dsl(), check.checkId());
                if (oldest.isPresent()) {
                    total +=
                            BatchedDelete.repeat(
                                    database,
                                    batch,
                                    monitor,
                                    total,
                                    ctx ->
                                            store.deleteNotificationsBefore(
                                                    ctx, check.checkId(), oldest.get(), batch));
                }
                afterId = check.checkId();
            }
        } while (page.size() == batch);
        return total;
    }
}
