package io.mychecks.core.notify;

import static io.mychecks.core.db.schema.Tables.CHANNELS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;

import io.mychecks.core.db.schema.tables.records.NotificationsRecord;
import io.mychecks.core.text.Truncate;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads notifications and records what delivery-status callbacks report about them. (The alert
 * loop's own notification writes live with the alert loop.)
 */
public final class NotificationStatusStore {
    public Optional<SentNotification> findByCode(DSLContext ctx, UUID code) {
        return ctx.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.CODE.eq(code.toString()))
                .fetchOptional()
                .map(NotificationStatusStore::toSent);
    }

    /** Sets the error of a notification (cut to 200 characters). */
    public void setError(DSLContext ctx, long notificationId, String error) {
        ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.ERROR, cut(error))
                .where(NOTIFICATIONS.ID.eq(notificationId))
                .execute();
    }

    /** Copies a reported error to the channel's {@code last_error}, and disables it if asked. */
    public void setChannelError(DSLContext ctx, long channelId, String error, boolean disable) {
        var q = ctx.update(CHANNELS).set(CHANNELS.LAST_ERROR, cut(error));
        (disable ? q.set(CHANNELS.DISABLED, true) : q).where(CHANNELS.ID.eq(channelId)).execute();
    }

    /** The highest notification id, empty when there are none. */
    public Optional<Long> maxId(DSLContext ctx) {
        return Optional.ofNullable(
                ctx.select(DSL.max(NOTIFICATIONS.ID)).from(NOTIFICATIONS).fetchOne(0, Long.class));
    }

    /** A reported error as stored: secrets taken out, at most 200 characters. */
    static String cut(String s) {
        return Truncate.storedError(s);
    }

    private static SentNotification toSent(NotificationsRecord r) {
        return new SentNotification(
                r.getId(),
                UUID.fromString(r.getCode()),
                r.getChannelId(),
                r.getCreated(),
                r.getError());
    }
}
