package io.mychecks.core.accounts;

import static io.mychecks.core.db.schema.Tables.LOGIN_SESSIONS;

import io.mychecks.core.db.schema.tables.records.LoginSessionsRecord;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Reads and writes log-in sessions; every method takes the caller's context (and transaction). */
public final class LoginSessionStore {

    public void insert(DSLContext ctx, LoginSession s) {
        ctx.insertInto(LOGIN_SESSIONS)
                .set(LOGIN_SESSIONS.ID, s.id())
                .set(LOGIN_SESSIONS.USER_ID, s.userId())
                .set(LOGIN_SESSIONS.CSRF_TOKEN, s.csrfToken())
                .set(LOGIN_SESSIONS.CREATED, s.created())
                .set(LOGIN_SESSIONS.LAST_SEEN, s.lastSeen())
                .set(LOGIN_SESSIONS.EXPIRES, s.expires())
                .set(LOGIN_SESSIONS.SECOND_FACTOR_PENDING, s.secondFactorPending())
                .set(LOGIN_SESSIONS.SUDO_UNTIL, s.sudoUntil())
                .execute();
    }

    /** The second factor was given: the session opens everything and lasts {@code expires}. */
    public boolean completeSecondFactor(DSLContext ctx, String id, Instant expires) {
        return ctx.update(LOGIN_SESSIONS)
                        .set(LOGIN_SESSIONS.SECOND_FACTOR_PENDING, false)
                        .set(LOGIN_SESSIONS.EXPIRES, expires)
                        .where(LOGIN_SESSIONS.ID.eq(id))
                        .and(LOGIN_SESSIONS.SECOND_FACTOR_PENDING.isTrue())
                        .execute()
                == 1;
    }

    /** Keeps the hash of a mailed sudo code until {@code expires}. */
    public void setSudoCode(DSLContext ctx, String id, String codeHash, Instant expires) {
        ctx.update(LOGIN_SESSIONS)
                .set(LOGIN_SESSIONS.SUDO_CODE, codeHash)
                .set(LOGIN_SESSIONS.SUDO_CODE_EXPIRES, expires)
                .where(LOGIN_SESSIONS.ID.eq(id))
                .execute();
    }

    /** The hash of the session's sudo code while it is valid at {@code now}. */
    public Optional<String> sudoCode(DSLContext ctx, String id, Instant now) {
        return ctx.select(LOGIN_SESSIONS.SUDO_CODE)
                .from(LOGIN_SESSIONS)
                .where(LOGIN_SESSIONS.ID.eq(id))
                .and(LOGIN_SESSIONS.SUDO_CODE_EXPIRES.gt(now))
                .fetchOptional(LOGIN_SESSIONS.SUDO_CODE)
                .filter(c -> c != null && !c.isEmpty());
    }

    /** Enters sudo mode until {@code until}, spending any mailed code. */
    public void setSudoUntil(DSLContext ctx, String id, Instant until) {
        ctx.update(LOGIN_SESSIONS)
                .set(LOGIN_SESSIONS.SUDO_UNTIL, until)
                .setNull(LOGIN_SESSIONS.SUDO_CODE)
                .setNull(LOGIN_SESSIONS.SUDO_CODE_EXPIRES)
                .where(LOGIN_SESSIONS.ID.eq(id))
                .execute();
    }

    /** The session with this id, unless it has expired by {@code now}. */
    public Optional<LoginSession> findActive(DSLContext ctx, String id, Instant now) {
        return ctx.selectFrom(LOGIN_SESSIONS)
                .where(LOGIN_SESSIONS.ID.eq(id))
                .and(LOGIN_SESSIONS.EXPIRES.gt(now))
                .fetchOptional()
                .map(LoginSessionStore::toSession);
    }

    /** Moves the session's last use and expiry; false when it is gone. */
    public boolean touch(DSLContext ctx, String id, Instant lastSeen, Instant expires) {
        return ctx.update(LOGIN_SESSIONS)
                        .set(LOGIN_SESSIONS.LAST_SEEN, lastSeen)
                        .set(LOGIN_SESSIONS.EXPIRES, expires)
                        .where(LOGIN_SESSIONS.ID.eq(id))
                        .execute()
                > 0;
    }

    public int delete(DSLContext ctx, String id) {
        return ctx.deleteFrom(LOGIN_SESSIONS).where(LOGIN_SESSIONS.ID.eq(id)).execute();
    }

    /** Ends every session of the user (password change, account closed, "log out everywhere"). */
    public int deleteAllOf(DSLContext ctx, long userId) {
        return ctx.deleteFrom(LOGIN_SESSIONS).where(LOGIN_SESSIONS.USER_ID.eq(userId)).execute();
    }

    /** Removes sessions expired by {@code now}. */
    public int deleteExpired(DSLContext ctx, Instant now) {
        return ctx.deleteFrom(LOGIN_SESSIONS).where(LOGIN_SESSIONS.EXPIRES.le(now)).execute();
    }

    private static LoginSession toSession(LoginSessionsRecord r) {
        return new LoginSession(
                r.getId(),
                r.getUserId(),
                r.getCsrfToken(),
                r.getCreated(),
                r.getLastSeen(),
                r.getExpires(),
                Boolean.TRUE.equals(r.getSecondFactorPending()),
                r.getSudoUntil());
    }
}
