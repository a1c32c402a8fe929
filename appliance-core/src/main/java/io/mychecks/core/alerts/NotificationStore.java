package io.mychecks.core.alerts;

import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;

import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.schema.tables.records.NotificationsRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The delivery outbox. A row is pending until sent or given up; a sender claims it by setting a
 * lease, so two senders never hold the same row, and a crashed sender's lease runs out.
 */
public final class NotificationStore {

    /** Queues a delivery of a status change to a channel, due at once. */
    public Notification insertPending(
            DSLContext ctx,
            long checkId,
            long channelId,
            long flipId,
            CheckStatus status,
            Instant flipCreated,
            Instant now) {
        NotificationsRecord r = ctx.newRecord(NOTIFICATIONS);
        r.setCode(UUID.randomUUID().toString())
                .setCheckId(checkId)
                .setChannelId(channelId)
                .setFlipId(flipId)
                .setCheckStatus(status.wire())
                .setFlipCreated(flipCreated)
                .setCreated(now)
                .setState(Notification.PENDING)
                .setAttempts(0)
                .setNextAttempt(now)
                .setError("");
        r.store();
        return toNotification(r);
    }

    /** Records a delivery that will never be tried (e.g. an integration kind this build lacks). */
    public void insertFailed(
            DSLContext ctx,
            long checkId,
            long channelId,
            long flipId,
            CheckStatus status,
            Instant flipCreated,
            Instant now,
            String error) {
        Notification n = insertPending(ctx, checkId, channelId, flipId, status, flipCreated, now);
        markFailed(ctx, n.id(), error);
    }

    /**
     * Claims up to {@code limit} due deliveries: pending, due, and not leased (or with an expired
     * lease). Each row is taken by a compare-and-set, so concurrent senders split the rows between
     * them.
     */
    public List<Notification> claimDue(DSLContext ctx, Instant now, Instant leaseUntil, int limit) {
        List<Long> candidates =
                ctx.select(NOTIFICATIONS.ID)
                        .from(NOTIFICATIONS)
                        .where(NOTIFICATIONS.STATE.eq(Notification.PENDING))
                        .and(NOTIFICATIONS.NEXT_ATTEMPT.le(now))
                        .and(
                                NOTIFICATIONS
                                        .LEASE_UNTIL
                                        .isNull()
                                        .or(NOTIFICATIONS.LEASE_UNTIL.lt(now)))
                        .orderBy(NOTIFICATIONS.NEXT_ATTEMPT, NOTIFICATIONS.ID)
                        .limit(limit)
                        .fetch(NOTIFICATIONS.ID);
        List<Notification> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int updated =
                    ctx.update(NOTIFICATIONS)
                            .set(NOTIFICATIONS.LEASE_UNTIL, leaseUntil)
                            .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                            .where(NOTIFICATIONS.ID.eq(id))
                            .and(NOTIFICATIONS.STATE.eq(Notification.PENDING))
                            .and(
                                    NOTIFICATIONS
                                            .LEASE_UNTIL
                                            .isNull()
                                            .or(NOTIFICATIONS.LEASE_UNTIL.lt(now)))
                            .execute();
            if (updated == 1) {
                find(ctx, id).ifPresent(claimed::add);
            }
            // zero rows: another sender claimed it between our look and our update
        }
        return claimed;
    }

    public Optional<Notification> find(DSLContext ctx, long id) {
        return ctx.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(id))
                .fetchOptional()
                .map(NotificationStore::toNotification);
    }

    public List<Notification> forCheck(DSLContext ctx, long checkId) {
        return ctx.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.CHECK_ID.eq(checkId))
                .orderBy(NOTIFICATIONS.ID)
                .fetch()
                .map(NotificationStore::toNotification);
    }

    public void markSent(DSLContext ctx, long id, Instant now) {
        ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATE, Notification.SENT)
                .set(NOTIFICATIONS.SENT, now)
                .setNull(NOTIFICATIONS.LEASE_UNTIL)
                .set(NOTIFICATIONS.ERROR, "")
                .where(NOTIFICATIONS.ID.eq(id))
                .execute();
    }

    public void markRetry(DSLContext ctx, long id, Instant nextAttempt, String error) {
        ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.NEXT_ATTEMPT, nextAttempt)
                .setNull(NOTIFICATIONS.LEASE_UNTIL)
                .set(NOTIFICATIONS.ERROR, clip(error))
                .where(NOTIFICATIONS.ID.eq(id))
                .execute();
    }

    public void markFailed(DSLContext ctx, long id, String error) {
        ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATE, Notification.FAILED)
                .setNull(NOTIFICATIONS.LEASE_UNTIL)
                .set(NOTIFICATIONS.ERROR, clip(error))
                .where(NOTIFICATIONS.ID.eq(id))
                .execute();
    }

    /** The earliest moment a pending delivery becomes claimable, if any. */
    public Optional<Instant> nextDue(DSLContext ctx) {
        Field<Long> due =
                DSL.greatest(
                        NOTIFICATIONS.NEXT_ATTEMPT.cast(Long.class),
                        DSL.coalesce(NOTIFICATIONS.LEASE_UNTIL.cast(Long.class), DSL.inline(0L)));
        Long millis =
                ctx.select(DSL.min(due))
                        .from(NOTIFICATIONS)
                        .where(NOTIFICATIONS.STATE.eq(Notification.PENDING))
                        .fetchOne(0, Long.class);
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    public Optional<Long> maxId(DSLContext ctx) {
        return Optional.ofNullable(
                ctx.select(DSL.max(NOTIFICATIONS.ID)).from(NOTIFICATIONS).fetchOne(0, Long.class));
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    static Notification toNotification(NotificationsRecord r) {
        return new Notification(
                r.getId(),
                UUID.fromString(r.getCode()),
                r.getCheckId(),
                r.getChannelId(),
                r.getFlipId(),
                CheckStatus.fromWire(r.getCheckStatus()),
                r.getFlipCreated(),
                r.getCreated(),
                r.getState(),
                r.getAttempts(),
                r.getNextAttempt(),
                r.getLeaseUntil(),
                r.getSent(),
                r.getError());
    }
}
