package io.mychecks.core.accounts;

import static io.mychecks.core.db.schema.Tables.USERS;

import io.mychecks.core.db.schema.tables.records.UsersRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/** Reads and writes user accounts. Emails are stored lower-case. */
public final class UserStore {

    public Optional<User> findByEmail(DSLContext ctx, String email) {
        return ctx.selectFrom(USERS)
                .where(USERS.EMAIL.eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional()
                .map(UserStore::toUser);
    }

    public Optional<User> findById(DSLContext ctx, long id) {
        return ctx.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(UserStore::toUser);
    }

    public User insert(
            DSLContext ctx, String email, String passwordHash, boolean superuser, Instant now) {
        UsersRecord r = ctx.newRecord(USERS);
        r.setEmail(email.toLowerCase(Locale.ROOT))
                .setPasswordHash(passwordHash)
                .setIsSuperuser(superuser)
                .setCreated(now);
        r.store();
        return toUser(r);
    }

    public void update(DSLContext ctx, long id, String passwordHash, boolean superuser) {
        ctx.update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.IS_SUPERUSER, superuser)
                .where(USERS.ID.eq(id))
                .execute();
    }

    /** True when at least one account exists. */
    public boolean anyUser(DSLContext ctx) {
        return ctx.fetchExists(USERS);
    }

    /** Records a successful log-in. */
    public void setLastLogin(DSLContext ctx, long id, Instant at) {
        ctx.update(USERS).set(USERS.LAST_LOGIN, at).where(USERS.ID.eq(id)).execute();
    }

    /**
     * Records a log-in only if the last one is still {@code expected}: of two requests that race to
     * use one single-use link, one wins.
     */
    public boolean swapLastLogin(DSLContext ctx, long id, Instant expected, Instant at) {
        return ctx.update(USERS)
                        .set(USERS.LAST_LOGIN, at)
                        .where(USERS.ID.eq(id))
                        .and(
                                expected == null
                                        ? USERS.LAST_LOGIN.isNull()
                                        : USERS.LAST_LOGIN.eq(expected))
                        .execute()
                == 1;
    }

    /** What the profile page sets besides the account: reports, nags, time zone. */
    public record Prefs(String reports, long nagPeriod, Instant nextReport, Instant nextNag) {}

    public Prefs prefs(DSLContext ctx, long id) {
        return ctx.select(USERS.REPORTS, USERS.NAG_PERIOD, USERS.NEXT_REPORT, USERS.NEXT_NAG)
                .from(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional(r -> new Prefs(r.value1(), r.value2(), r.value3(), r.value4()))
                .orElse(new Prefs("off", 0, null, null));
    }

    /** Users whose report is due at {@code now}, oldest due first. */
    public java.util.List<User> dueReports(DSLContext ctx, Instant now, int limit) {
        return ctx.selectFrom(USERS)
                .where(USERS.NEXT_REPORT.le(now))
                .and(USERS.REPORTS.ne("off"))
                .orderBy(USERS.NEXT_REPORT)
                .limit(limit)
                .fetch(UserStore::toUser);
    }

    /** Users whose nag is due at {@code now}. */
    public java.util.List<User> dueNags(DSLContext ctx, Instant now, int limit) {
        return ctx.selectFrom(USERS)
                .where(USERS.NEXT_NAG.le(now))
                .and(USERS.NAG_PERIOD.gt(0L))
                .orderBy(USERS.NEXT_NAG)
                .limit(limit)
                .fetch(UserStore::toUser);
    }

    /** Users with nags on and none scheduled. */
    public java.util.List<User> unarmedNags(DSLContext ctx, int limit) {
        return ctx.selectFrom(USERS)
                .where(USERS.NAG_PERIOD.gt(0L))
                .and(USERS.NEXT_NAG.isNull())
                .orderBy(USERS.ID)
                .limit(limit)
                .fetch(UserStore::toUser);
    }

    /**
     * Moves the user's next report from {@code expected} to {@code next}; false when another daemon
     * moved it first (so exactly one of them sends it).
     */
    public boolean swapNextReport(DSLContext ctx, long id, Instant expected, Instant next) {
        return ctx.update(USERS)
                        .set(USERS.NEXT_REPORT, next)
                        .where(USERS.ID.eq(id))
                        .and(
                                expected == null
                                        ? USERS.NEXT_REPORT.isNull()
                                        : USERS.NEXT_REPORT.eq(expected))
                        .execute()
                == 1;
    }

    /** As {@link #swapNextReport}, for nags. */
    public boolean swapNextNag(DSLContext ctx, long id, Instant expected, Instant next) {
        return ctx.update(USERS)
                        .set(USERS.NEXT_NAG, next)
                        .where(USERS.ID.eq(id))
                        .and(
                                expected == null
                                        ? USERS.NEXT_NAG.isNull()
                                        : USERS.NEXT_NAG.eq(expected))
                        .execute()
                == 1;
    }

    /** Turns reports and nags off (unsubscribe link, bounced report). */
    public void unsubscribe(DSLContext ctx, long id) {
        ctx.update(USERS)
                .set(USERS.REPORTS, "off")
                .set(USERS.NAG_PERIOD, 0L)
                .setNull(USERS.NEXT_REPORT)
                .setNull(USERS.NEXT_NAG)
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void setPrefs(DSLContext ctx, long id, Prefs p) {
        ctx.update(USERS)
                .set(USERS.REPORTS, p.reports())
                .set(USERS.NAG_PERIOD, p.nagPeriod())
                .set(USERS.NEXT_REPORT, p.nextReport())
                .set(USERS.NEXT_NAG, p.nextNag())
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void setTimeZone(DSLContext ctx, long id, String tz) {
        ctx.update(USERS).set(USERS.TZ, tz).where(USERS.ID.eq(id)).execute();
    }

    public void setPasswordHash(DSLContext ctx, long id, String hash) {
        ctx.update(USERS).set(USERS.PASSWORD_HASH, hash).where(USERS.ID.eq(id)).execute();
    }

    public void setEmail(DSLContext ctx, long id, String email) {
        ctx.update(USERS)
                .set(USERS.EMAIL, email.toLowerCase(Locale.ROOT))
                .where(USERS.ID.eq(id))
                .execute();
    }

    public void delete(DSLContext ctx, long id) {
        ctx.deleteFrom(USERS).where(USERS.ID.eq(id)).execute();
    }

    /** The user's TOTP secret and last used step; the secret is null when 2FA is off. */
    public record Totp(String secret, long lastStep) {}

    public Totp totp(DSLContext ctx, long id) {
        return ctx.select(USERS.TOTP_SECRET, USERS.TOTP_LAST_STEP)
                .from(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional(r -> new Totp(r.value1(), r.value2()))
                .orElse(new Totp(null, 0));
    }

    public void setTotpSecret(DSLContext ctx, long id, String secret) {
        ctx.update(USERS)
                .set(USERS.TOTP_SECRET, secret)
                .set(USERS.TOTP_LAST_STEP, 0L)
                .where(USERS.ID.eq(id))
                .execute();
    }

    /** Records that the code of {@code step} was used, unless a later or equal one was already. */
    public boolean useTotpStep(DSLContext ctx, long id, long step) {
        return ctx.update(USERS)
                        .set(USERS.TOTP_LAST_STEP, step)
                        .where(USERS.ID.eq(id))
                        .and(USERS.TOTP_LAST_STEP.lt(step))
                        .execute()
                == 1;
    }

    /** Sets how many checks the user may own and how many pings each of their checks keeps. */
    public void setLimits(DSLContext ctx, long id, int checkLimit, int pingLogLimit) {
        ctx.update(USERS)
                .set(USERS.CHECK_LIMIT, checkLimit)
                .set(USERS.PING_LOG_LIMIT, pingLogLimit)
                .where(USERS.ID.eq(id))
                .execute();
    }

    static User toUser(UsersRecord r) {
        return new User(
                r.getId(),
                r.getEmail(),
                r.getPasswordHash(),
                r.getIsSuperuser(),
                r.getTz(),
                r.getCheckLimit(),
                r.getPingLogLimit(),
                r.getCreated(),
                r.getLastLogin(),
                r.getIsActive());
    }
}
