package io.mychecks.core.notify;

import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;

import io.mychecks.core.db.Database;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes notification rows for tests of code that reads them, before the alert loop that
 * normally writes them is at hand.
 */
public final class TestNotifications {
    private TestNotifications() {}

    /** Stores a delivered notification of {@code checkId} through {@code channelId}, created at {@code created}. */
    public static SentNotification insert(Database db, long checkId, long channelId, Instant created) {
        UUID code = UUID.randomUUID();
        db.inTransactionRun(cfg -> cfg.dsl().insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.CODE, code.toString())
                .set(NOTIFICATIONS.CHECK_ID, checkId)
                .set(NOTIFICATIONS.CHANNEL_ID, channelId)
                .set(NOTIFICATIONS.CHECK_STATUS, "down")
                .set(NOTIFICATIONS.FLIP_CREATED, created.toEpochMilli())
                .set(NOTIFICATIONS.CREATED, created)
                .set(NOTIFICATIONS.STATE, "sent")
                .set(NOTIFICATIONS.ATTEMPTS, 1)
                .set(NOTIFICATIONS.NEXT_ATTEMPT, created)
                .set(NOTIFICATIONS.SENT, created)
                .execute());
        return db.inTransaction(cfg -> new NotificationStatusStore().findByCode(cfg.dsl(), code).orElseThrow());
    }
}
