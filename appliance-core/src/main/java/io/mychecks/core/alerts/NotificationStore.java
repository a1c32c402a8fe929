package io.mychecks.core.alerts;

import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.FLIPS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;

import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.schema.tables.Notifications;
import io.mychecks.core.db.schema.tables.records.NotificationsRecord;
import io.mychecks.core.text.Truncate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
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

    /**
     * A delivery to queue: of the flip {@code flipId} of check {@code checkId} to channel {@code
     * channelId}; {@code error} null for a delivery to try, else the reason it never will be.
     */
    public record NewDelivery(
            long checkId,
            long channelId,
            long flipId,
            CheckStatus status,
            Instant flipCreated,
            String error) {}

    /** Rows per multi-row insert: well under either database's limit of bound values. */
    private static final int INSERT_ROWS = 1000;

    /**
     * Queues {@code deliveries} in multi-row inserts (one per thousand rows), in list order, so ids
     * grow in that order: those to try pending and due at once, the others failed with their error.
     */
    public void insertAll(DSLContext ctx, List<NewDelivery> deliveries, Instant now) {
        for (int from = 0; from < deliveries.size(); from += INSERT_ROWS) {
            insertChunk(
                    ctx,
                    deliveries.subList(from, Math.min(deliveries.size(), from + INSERT_ROWS)),
                    now);
        }
    }

    private static void insertChunk(DSLContext ctx, List<NewDelivery> chunk, Instant now) {
        var insert =
                ctx.insertInto(
                        NOTIFICATIONS,
                        NOTIFICATIONS.CODE,
                        NOTIFICATIONS.CHECK_ID,
                        NOTIFICATIONS.CHANNEL_ID,
                        NOTIFICATIONS.FLIP_ID,
                        NOTIFICATIONS.CHECK_STATUS,
                        NOTIFICATIONS.FLIP_CREATED,
                        NOTIFICATIONS.CREATED,
                        NOTIFICATIONS.STATE,
                        NOTIFICATIONS.ATTEMPTS,
                        NOTIFICATIONS.NEXT_ATTEMPT,
                        NOTIFICATIONS.ERROR);
        for (NewDelivery d : chunk) {
            insert =
                    insert.values(
                            UUID.randomUUID().toString(),
                            d.checkId(),
                            d.channelId(),
                            d.flipId(),
                            d.status().wire(),
                            d.flipCreated(),
                            now,
                            d.error() == null ? Notification.PENDING : Notification.FAILED,
                            0,
                            now,
                            d.error() == null ? "" : clip(d.error()));
        }
        insert.execute();
    }

    /**
     * A due delivery, its check and channel, and the project of its check, before it is claimed.
     */
    public record Candidate(long id, long projectId, long checkId, long channelId) {}

    /**
     * Due deliveries, oldest first: pending, due, not leased (or with an expired lease), and with
     * no other delivery of the same check to the same channel in flight, so that a channel gets a
     * check's notifications one at a time, in order.
     */
    public List<Candidate> dueCandidates(DSLContext ctx, Instant now, int limit) {
        return ctx.select(
                        NOTIFICATIONS.ID,
                        CHECKS.PROJECT_ID,
                        NOTIFICATIONS.CHECK_ID,
                        NOTIFICATIONS.CHANNEL_ID)
                .from(NOTIFICATIONS)
                .join(CHECKS)
                .on(CHECKS.ID.eq(NOTIFICATIONS.CHECK_ID))
                .where(claimable(now))
                .orderBy(NOTIFICATIONS.NEXT_ATTEMPT, NOTIFICATIONS.ID)
                .limit(limit)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * The row is due and claimable: pending, due, not leased (or with an expired lease), and no
     * other delivery of the same check to the same channel is in flight.
     */
    private static Condition claimable(Instant now) {
        Notifications other = NOTIFICATIONS.as("other");
        return NOTIFICATIONS
                .STATE
                .eq(Notification.PENDING)
                .and(NOTIFICATIONS.NEXT_ATTEMPT.le(now))
                .and(notLeased(NOTIFICATIONS, now))
                .andNotExists(
                        DSL.selectOne()
                                .from(other)
                                .where(other.CHECK_ID.eq(NOTIFICATIONS.CHECK_ID))
                                .and(other.CHANNEL_ID.eq(NOTIFICATIONS.CHANNEL_ID))
                                .and(other.ID.ne(NOTIFICATIONS.ID))
                                .and(other.STATE.eq(Notification.PENDING))
                                .and(other.LEASE_UNTIL.ge(now)));
    }

    private static Condition notLeased(Notifications n, Instant now) {
        return n.LEASE_UNTIL.isNull().or(n.LEASE_UNTIL.lt(now));
    }

    /**
     * Claims one candidate with a new lease: a compare-and-set, so concurrent senders never hold
     * the same row. Returns the claimed delivery (with its lease token), or empty when another
     * sender got there first.
     */
    public Optional<Notification> claim(DSLContext ctx, long id, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        int updated =
                ctx.update(NOTIFICATIONS)
                        .set(NOTIFICATIONS.LEASE_UNTIL, leaseUntil)
                        .set(NOTIFICATIONS.LEASE_TOKEN, token)
                        .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                        .where(NOTIFICATIONS.ID.eq(id))
                        .and(NOTIFICATIONS.STATE.eq(Notification.PENDING))
                        .and(notLeased(NOTIFICATIONS, now))
                        .execute();
        return updated == 1 ? find(ctx, id) : Optional.empty();
    }

    /**
     * Claims those of the rows {@code ids} that are still claimable, under one new lease token: one
     * update and one read for the whole batch, a compare-and-set like {@link #claim}, so concurrent
     * senders never hold the same row. Returns the claimed deliveries, oldest due first.
     */
    public List<Notification> claimAll(
            DSLContext ctx, Collection<Long> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        // the whole due rule again, on each row: the ids may come from an earlier look (a
        // delivery sent, rescheduled or put in flight for its channel since is not taken)
        List<Notification> claimed =
                new ArrayList<>(
                        ctx.update(NOTIFICATIONS)
                                .set(NOTIFICATIONS.LEASE_UNTIL, leaseUntil)
                                .set(NOTIFICATIONS.LEASE_TOKEN, token)
                                .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                                .where(NOTIFICATIONS.ID.in(ids))
                                .and(claimable(now))
                                .returning()
                                .fetch()
                                .map(NotificationStore::toNotification));
        claimed.sort(
                java.util.Comparator.comparing(Notification::nextAttempt)
                        .thenComparingLong(Notification::id));
        return claimed;
    }

    /**
     * Claims up to {@code limit} due deliveries (see {@link #dueCandidates}), at most one per
     * (check, channel): the oldest, so that a channel gets a check's notifications in order.
     */
    public List<Notification> claimDue(DSLContext ctx, Instant now, Instant leaseUntil, int limit) {
        List<Long> ids = new ArrayList<>();
        Set<List<Long>> pairs = new HashSet<>();
        for (Candidate c : dueCandidates(ctx, now, limit)) {
            if (pairs.add(List.of(c.checkId(), c.channelId()))) {
                ids.add(c.id());
            }
        }
        return claimAll(ctx, ids, now, leaseUntil);
    }

    /**
     * True when the check of {@code n} has flipped again since the flip {@code n} announces: the
     * receiver must not end on a state the check has left.
     */
    public boolean isSuperseded(DSLContext ctx, Notification n) {
        if (n.checkId() == null || n.flipId() == null) {
            return false;
        }
        return ctx.fetchExists(
                DSL.selectOne()
                        .from(FLIPS)
                        .where(FLIPS.CHECK_ID.eq(n.checkId()))
                        .and(FLIPS.ID.gt(n.flipId())));
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

    /**
     * Runs the result updates {@code updates} (from {@link #sentUpdate}, {@link #retryUpdate} …) as
     * one batch; element i is true when update i found its row still under its lease.
     */
    public boolean[] applyAll(DSLContext ctx, List<ResultUpdate> updates) {
        boolean[] held = new boolean[updates.size()];
        if (updates.isEmpty()) {
            return held;
        }
        int[] counts = ctx.batch(updates.stream().map(u -> u.query).toList()).execute();
        for (int i = 0; i < held.length; i++) {
            held[i] = counts[i] == 1;
        }
        return held;
    }

    /** A prepared result update of one delivery, fenced by its lease (see {@link #applyAll}). */
    public static final class ResultUpdate {
        private final Query query;

        private ResultUpdate(Query query) {
            this.query = query;
        }
    }

    /** The update {@link #markSent} runs. */
    private Query sentQuery(DSLContext ctx, Notification n, Instant now) {
        return finish(ctx, n, Notification.SENT, "")
                .set(NOTIFICATIONS.SENT, now)
                .where(leaseHeld(n));
    }

    /** The update {@link #markRetry} runs. */
    private Query retryQuery(DSLContext ctx, Notification n, Instant nextAttempt, String error) {
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.NEXT_ATTEMPT, nextAttempt)
                .setNull(NOTIFICATIONS.LEASE_UNTIL)
                .setNull(NOTIFICATIONS.LEASE_TOKEN)
                .set(NOTIFICATIONS.ERROR, clip(error))
                .where(leaseHeld(n));
    }

    /** The update {@link #markFailed} runs. */
    private Query failedQuery(DSLContext ctx, Notification n, String error) {
        return finish(ctx, n, Notification.FAILED, error).where(leaseHeld(n));
    }

    /** The update {@link #markSuperseded} runs. */
    private Query supersededQuery(DSLContext ctx, Notification n) {
        return finish(ctx, n, Notification.SUPERSEDED, "").where(leaseHeld(n));
    }

    /** {@link #markSent}'s update, to run with others through {@link #applyAll}. */
    public ResultUpdate sentUpdate(DSLContext ctx, Notification n, Instant now) {
        return new ResultUpdate(sentQuery(ctx, n, now));
    }

    /** {@link #markRetry}'s update, to run with others through {@link #applyAll}. */
    public ResultUpdate retryUpdate(
            DSLContext ctx, Notification n, Instant nextAttempt, String error) {
        return new ResultUpdate(retryQuery(ctx, n, nextAttempt, error));
    }

    /** {@link #markFailed}'s update, to run with others through {@link #applyAll}. */
    public ResultUpdate failedUpdate(DSLContext ctx, Notification n, String error) {
        return new ResultUpdate(failedQuery(ctx, n, error));
    }

    /** {@link #markSuperseded}'s update, to run with others through {@link #applyAll}. */
    public ResultUpdate supersededUpdate(DSLContext ctx, Notification n) {
        return new ResultUpdate(supersededQuery(ctx, n));
    }

    /**
     * Records that {@code n} was sent, if the caller still holds its lease; returns false when the
     * lease was lost (it ran out and another sender claimed the row): the result is not recorded.
     */
    public boolean markSent(DSLContext ctx, Notification n, Instant now) {
        return sentQuery(ctx, n, now).execute() == 1;
    }

    /** Schedules another attempt of {@code n}, if the caller still holds its lease. */
    public boolean markRetry(DSLContext ctx, Notification n, Instant nextAttempt, String error) {
        return retryQuery(ctx, n, nextAttempt, error).execute() == 1;
    }

    /** Gives {@code n} up, if the caller still holds its lease. */
    public boolean markFailed(DSLContext ctx, Notification n, String error) {
        return failedQuery(ctx, n, error).execute() == 1;
    }

    /** Records that {@code n} will not be sent, a newer flip having come first. */
    public boolean markSuperseded(DSLContext ctx, Notification n) {
        return supersededQuery(ctx, n).execute() == 1;
    }

    private static org.jooq.UpdateSetMoreStep<NotificationsRecord> finish(
            DSLContext ctx, Notification n, String state, String error) {
        return ctx.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATE, state)
                .setNull(NOTIFICATIONS.LEASE_UNTIL)
                .setNull(NOTIFICATIONS.LEASE_TOKEN)
                .set(NOTIFICATIONS.ERROR, clip(error));
    }

    /** The row of {@code n}, still pending under the lease {@code n} was claimed with. */
    private static Condition leaseHeld(Notification n) {
        Condition token =
                n.leaseToken() == null
                        ? NOTIFICATIONS.LEASE_TOKEN.isNull()
                        : NOTIFICATIONS.LEASE_TOKEN.eq(n.leaseToken());
        return NOTIFICATIONS
                .ID
                .eq(n.id())
                .and(NOTIFICATIONS.STATE.eq(Notification.PENDING))
                .and(token);
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
        return Truncate.storedError(s);
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
                r.getError(),
                r.getLeaseToken());
    }
}
