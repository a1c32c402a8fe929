package io.mychecks.core.admin;

import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static io.mychecks.core.db.schema.Tables.PINGS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;
import static io.mychecks.core.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The queries of the console's status and users pages. */
public final class AdminStore {
    private static final String DOWN = "down";
    private static final String PENDING = "pending";
    private static final String FAILED = "failed";
    private static final String SENT = "sent";

    /** The status page's counts; pings are counted from {@code since}. */
    public StatusCounts counts(DSLContext ctx, Instant since) {
        return new StatusCounts(
                ctx.fetchCount(CHECKS),
                ctx.fetchCount(CHECKS, CHECKS.STATUS.eq(DOWN)),
                pingsSince(ctx, since),
                ctx.fetchCount(NOTIFICATIONS, NOTIFICATIONS.STATE.eq(PENDING)),
                ctx.fetchCount(NOTIFICATIONS, NOTIFICATIONS.STATE.eq(FAILED)),
                ctx.select(DSL.max(NOTIFICATIONS.SENT))
                        .from(NOTIFICATIONS)
                        .where(NOTIFICATIONS.STATE.eq(SENT))
                        .fetchOne(0, Instant.class));
    }

    /**
     * How many stored pings arrived at or after {@code since}. Pings are numbered in the order they
     * are stored, so a binary search over the key finds the first one of the period in about 30
     * lookups, and the count is a range of the key: no scan of the whole table, which the status
     * view would otherwise repeat every few seconds.
     */
    long pingsSince(DSLContext ctx, Instant since) {
        var bounds = ctx.select(DSL.min(PINGS.ID), DSL.max(PINGS.ID)).from(PINGS).fetchOne();
        if (bounds == null || bounds.value1() == null) {
            return 0;
        }
        long lo = bounds.value1();
        long hi = bounds.value2() + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            var first =
                    ctx.select(PINGS.ID, PINGS.CREATED)
                            .from(PINGS)
                            .where(PINGS.ID.ge(mid))
                            .orderBy(PINGS.ID)
                            .limit(1)
                            .fetchOne();
            if (first == null || !first.value2().isBefore(since)) {
                hi = mid;
            } else {
                lo = first.value1() + 1;
            }
        }
        return ctx.fetchCount(PINGS, PINGS.ID.ge(lo));
    }

    /** Every user, by email, with the number of projects they own or belong to. */
    public List<UserRow> users(DSLContext ctx) {
        var owned =
                DSL.selectCount().from(PROJECTS).where(PROJECTS.OWNER_ID.eq(USERS.ID)).asField();
        var joined = DSL.selectCount().from(MEMBERS).where(MEMBERS.USER_ID.eq(USERS.ID)).asField();
        return ctx.select(
                        USERS.ID,
                        USERS.EMAIL,
                        USERS.IS_SUPERUSER,
                        USERS.IS_ACTIVE,
                        USERS.CREATED,
                        USERS.LAST_LOGIN,
                        owned,
                        joined)
                .from(USERS)
                .orderBy(USERS.EMAIL)
                .fetch(
                        r ->
                                new UserRow(
                                        r.value1(),
                                        r.value2(),
                                        r.value3(),
                                        r.value4(),
                                        r.value5(),
                                        r.value6(),
                                        ((Number) r.value7()).intValue()
                                                + ((Number) r.value8()).intValue()));
    }

    /** Sets the superuser flag; returns false when there is no such user. */
    public boolean setSuperuser(DSLContext ctx, long userId, boolean superuser) {
        return ctx.update(USERS)
                        .set(USERS.IS_SUPERUSER, superuser)
                        .where(USERS.ID.eq(userId))
                        .execute()
                > 0;
    }

    /** Enables or disables an account; returns false when there is no such user. */
    public boolean setActive(DSLContext ctx, long userId, boolean active) {
        return ctx.update(USERS).set(USERS.IS_ACTIVE, active).where(USERS.ID.eq(userId)).execute()
                > 0;
    }

    /** How many active superusers there are besides {@code userId}. */
    public int otherActiveSuperusers(DSLContext ctx, long userId) {
        return ctx.fetchCount(
                USERS,
                USERS.IS_SUPERUSER.isTrue().and(USERS.IS_ACTIVE.isTrue()).and(USERS.ID.ne(userId)));
    }
}
