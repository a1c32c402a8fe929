package io.mychecks.core.prune;

import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.FLIPS;
import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static io.mychecks.core.db.schema.Tables.PINGS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;
import static io.mychecks.core.db.schema.Tables.TOKEN_BUCKETS;
import static io.mychecks.core.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The queries of the pruners. Every delete removes at most {@code batch} rows, picked by a
 * sub-select with a limit, so a transaction stays short while the daemon keeps running.
 */
public final class PruneStore {
    /** Notifications in this state still wait to be sent: never pruned. */
    static final String PENDING = "pending";

    /** A check and how many pings its owner keeps per check. */
    public record CheckLimit(long checkId, int pingLogLimit) {}

    /** Checks with an id above {@code afterId}, in id order, with their owner's ping limit. */
    public List<CheckLimit> checkLimits(DSLContext ctx, long afterId, int limit) {
        return ctx.select(CHECKS.ID, USERS.PING_LOG_LIMIT)
                .from(CHECKS)
                .join(PROJECTS)
                .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                .join(USERS)
                .on(USERS.ID.eq(PROJECTS.OWNER_ID))
                .where(CHECKS.ID.gt(afterId))
                .orderBy(CHECKS.ID)
                .limit(limit)
                .fetch(r -> new CheckLimit(r.value1(), r.value2()));
    }

    /** The number {@code n} of the check's {@code rank}-th newest stored ping (rank 1 = newest). */
    public Optional<Long> nthNewestPing(DSLContext ctx, long checkId, int rank) {
        return ctx.select(PINGS.N)
                .from(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .orderBy(PINGS.N.desc())
                .limit(1)
                .offset(rank - 1)
                .fetchOptional(PINGS.N);
    }

    /** The lowest and highest stored ping number of a check, if it has pings. */
    public Optional<long[]> pingRange(DSLContext ctx, long checkId) {
        var r =
                ctx.select(DSL.min(PINGS.N), DSL.max(PINGS.N))
                        .from(PINGS)
                        .where(PINGS.CHECK_ID.eq(checkId))
                        .fetchOne();
        return r == null || r.value1() == null
                ? Optional.empty()
                : Optional.of(new long[] {r.value1(), r.value2()});
    }

    /** Deletes the check's pings numbered below {@code belowN}; returns how many. */
    public int deletePingsBelow(DSLContext ctx, long checkId, long belowN) {
        return ctx.deleteFrom(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .and(PINGS.N.lt(belowN))
                .execute();
    }

    /** When the check's oldest stored ping arrived, if it has pings. */
    public Optional<Instant> oldestPing(DSLContext ctx, long checkId) {
        return Optional.ofNullable(
                ctx.select(DSL.min(PINGS.CREATED))
                        .from(PINGS)
                        .where(PINGS.CHECK_ID.eq(checkId))
                        .fetchOne(0, Instant.class));
    }

    /**
     * Deletes up to {@code batch} of the check's non-pending notifications created before {@code
     * before}.
     */
    public int deleteNotificationsBefore(DSLContext ctx, long checkId, Instant before, int batch) {
        return ctx.deleteFrom(NOTIFICATIONS)
                .where(
                        NOTIFICATIONS.ID.in(
                                ctx.select(NOTIFICATIONS.ID)
                                        .from(NOTIFICATIONS)
                                        .where(NOTIFICATIONS.CHECK_ID.eq(checkId))
                                        .and(NOTIFICATIONS.CREATED.lt(before))
                                        .and(NOTIFICATIONS.STATE.ne(PENDING))
                                        .orderBy(NOTIFICATIONS.ID)
                                        .limit(batch)))
                .execute();
    }

    /**
     * Deletes up to {@code batch} accounts, never superusers, that were created before {@code
     * cutoff}, never logged in and belong to no team; returns how many.
     */
    public int deleteNeverLoggedInUsers(DSLContext ctx, Instant cutoff, int batch) {
        return deleteUsers(ctx, neverLoggedIn(cutoff), batch);
    }

    /**
     * Deletes up to {@code batch} accounts, never superusers, whose last login was before {@code
     * cutoff} and whose projects hold no checks; returns how many.
     */
    public int deleteInactiveUsersWithoutChecks(DSLContext ctx, Instant cutoff, int batch) {
        return deleteUsers(ctx, inactiveWithoutChecks(cutoff), batch);
    }

    /** How many accounts the two user rules would delete now. */
    public long countPrunableUsers(DSLContext ctx, Instant cutoff) {
        return ctx.fetchCount(
                USERS,
                neverLoggedIn(cutoff)
                        .or(inactiveWithoutChecks(cutoff))
                        .and(USERS.IS_SUPERUSER.isFalse()));
    }

    private static Condition neverLoggedIn(Instant cutoff) {
        return USERS.CREATED
                .lt(cutoff)
                .and(USERS.LAST_LOGIN.isNull())
                .and(
                        DSL.notExists(
                                DSL.selectOne().from(MEMBERS).where(MEMBERS.USER_ID.eq(USERS.ID))));
    }

    private static Condition inactiveWithoutChecks(Instant cutoff) {
        return USERS.LAST_LOGIN
                .lt(cutoff)
                .and(
                        DSL.notExists(
                                DSL.selectOne()
                                        .from(CHECKS)
                                        .join(PROJECTS)
                                        .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                                        .where(PROJECTS.OWNER_ID.eq(USERS.ID))));
    }

    private static int deleteUsers(DSLContext ctx, Condition condition, int batch) {
        // Projects, their checks and memberships go with the user (ON DELETE CASCADE).
        return ctx.deleteFrom(USERS)
                .where(
                        USERS.ID.in(
                                ctx.select(USERS.ID)
                                        .from(USERS)
                                        .where(condition)
                                        .and(USERS.IS_SUPERUSER.isFalse())
                                        .orderBy(USERS.ID)
                                        .limit(batch)))
                .execute();
    }

    /** Deletes up to {@code batch} rate-limit buckets last updated before {@code cutoff}. */
    public int deleteTokenBucketsBefore(DSLContext ctx, Instant cutoff, int batch) {
        return ctx.deleteFrom(TOKEN_BUCKETS)
                .where(
                        TOKEN_BUCKETS.VALUE.in(
                                ctx.select(TOKEN_BUCKETS.VALUE)
                                        .from(TOKEN_BUCKETS)
                                        .where(TOKEN_BUCKETS.UPDATED.lt(cutoff))
                                        .orderBy(TOKEN_BUCKETS.VALUE)
                                        .limit(batch)))
                .execute();
    }

    /** Deletes up to {@code batch} processed flips created before {@code cutoff}. */
    public int deleteProcessedFlipsBefore(DSLContext ctx, Instant cutoff, int batch) {
        return ctx.deleteFrom(FLIPS)
                .where(
                        FLIPS.ID.in(
                                ctx.select(FLIPS.ID)
                                        .from(FLIPS)
                                        .where(FLIPS.CREATED.lt(cutoff))
                                        .and(FLIPS.PROCESSED.isNotNull())
                                        .orderBy(FLIPS.ID)
                                        .limit(batch)))
                .execute();
    }

    /** How many rate-limit buckets were last updated before {@code cutoff}. */
    public long countTokenBucketsBefore(DSLContext ctx, Instant cutoff) {
        return ctx.fetchCount(TOKEN_BUCKETS, TOKEN_BUCKETS.UPDATED.lt(cutoff));
    }

    /** How many processed flips were created before {@code cutoff}. */
    public long countProcessedFlipsBefore(DSLContext ctx, Instant cutoff) {
        return ctx.fetchCount(FLIPS, FLIPS.CREATED.lt(cutoff).and(FLIPS.PROCESSED.isNotNull()));
    }

    /**
     * How many sent or failed notifications are older than their check's oldest stored ping (a
     * check without pings keeps all of them).
     */
    public long countPrunableNotifications(DSLContext ctx) {
        var oldestPing =
                DSL.select(DSL.min(PINGS.CREATED))
                        .from(PINGS)
                        .where(PINGS.CHECK_ID.eq(NOTIFICATIONS.CHECK_ID));
        return ctx.fetchCount(
                NOTIFICATIONS,
                NOTIFICATIONS.STATE.ne(PENDING).and(NOTIFICATIONS.CREATED.lt(oldestPing)));
    }

    /**
     * How many pings are beyond their check's keep limit (the owner's {@code ping_log_limit}; all
     * of them when the limit is 0).
     */
    public long countPrunablePings(DSLContext ctx) {
        var perCheck =
                DSL.select(PINGS.CHECK_ID, DSL.count().as("stored"))
                        .from(PINGS)
                        .groupBy(PINGS.CHECK_ID)
                        .asTable("per_check");
        var stored = perCheck.field("stored", Integer.class);
        var checkId = perCheck.field(PINGS.CHECK_ID);
        var excess =
                DSL.greatest(
                        stored.minus(DSL.greatest(USERS.PING_LOG_LIMIT, DSL.inline(0))),
                        DSL.inline(0));
        Long sum =
                ctx.select(DSL.coalesce(DSL.sum(excess), java.math.BigDecimal.ZERO))
                        .from(perCheck)
                        .join(CHECKS)
                        .on(CHECKS.ID.eq(checkId))
                        .join(PROJECTS)
                        .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                        .join(USERS)
                        .on(USERS.ID.eq(PROJECTS.OWNER_ID))
                        .fetchOne(0, Long.class);
        return sum == null ? 0 : sum;
    }
}
