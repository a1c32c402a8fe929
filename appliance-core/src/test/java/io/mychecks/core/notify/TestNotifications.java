package io.mychecks.core.notify;

import io.mychecks.core.alerts.NotificationStore;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import java.time.Instant;

/** Stores delivered notification rows for tests of code that reads them. */
public final class TestNotifications {
    private TestNotifications() {}

    /**
     * Stores a delivered notification of {@code checkId} through {@code channelId}, created at
     * {@code created}.
     */
    public static SentNotification insert(
            Database db, long checkId, long channelId, Instant created) {
        NotificationStore store = new NotificationStore();
        var n =
                db.inTransaction(
                        cfg -> {
                            var row =
                                    store.insertPending(
                                            cfg.dsl(),
                                            checkId,
                                            channelId,
                                            0,
                                            CheckStatus.DOWN,
                                            created,
                                            created);
                            store.markSent(cfg.dsl(), row, created);
                            return row;
                        });
        return db.inTransaction(
                cfg -> new NotificationStatusStore().findByCode(cfg.dsl(), n.code()).orElseThrow());
    }
}
