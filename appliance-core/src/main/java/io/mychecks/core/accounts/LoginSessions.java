package io.mychecks.core.accounts;

import io.mychecks.core.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Log-in sessions, kept in the database: they survive a restart and are shared by every daemon on
 * one PostgreSQL. The browser holds a random 256-bit token; the database only its SHA-256. A
 * session lasts {@link #LIFETIME} after its last use (the expiry moves at most every {@link
 * #TOUCH_EVERY}, so a page view does not always write).
 */
public final class LoginSessions {
    public static final Duration LIFETIME = Duration.ofDays(14);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final LoginSessionStore store;

    /** A new session and the token for its cookie (shown once, never stored, never printed). */
    public record Opened(String token, LoginSession session) {
        @Override
        public String toString() {
            return "Opened[session of user " + session.userId() + "]";
        }
    }

    public LoginSessions(Database database, Clock clock, LoginSessionStore store) {
        this.database = database;
        this.clock = clock;
        this.store = store;
    }

    /** How long a session waits for its second factor. */
    public static final Duration SECOND_FACTOR_WAIT = Duration.ofMinutes(5);

    /** Opens a session for the user (after a successful log-in). */
    public Opened open(long userId) {
        return open(userId, false);
    }

    /**
     * Opens a session; with {@code secondFactorPending} it lasts {@link #SECOND_FACTOR_WAIT} and
     * opens only the second-factor page until {@link #completeSecondFactor}.
     */
    public Opened open(long userId, boolean secondFactorPending) {
        Instant now = clock.instant();
        String token = randomToken();
        LoginSession s =
                new LoginSession(
                        idOf(token),
                        userId,
                        randomToken(),
                        now,
                        now,
                        now.plus(secondFactorPending ? SECOND_FACTOR_WAIT : LIFETIME),
                        secondFactorPending,
                        null);
        database.inTransactionRun(cfg -> store.insert(cfg.dsl(), s));
        return new Opened(token, s);
    }

    /** The live session of a cookie's token, its expiry moved on; empty if unknown or expired. */
    public Optional<LoginSession> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<LoginSession> found = store.findActive(database.dsl(), idOf(token), now);
        if (found.isEmpty()) {
            return found;
        }
        LoginSession s = found.get();
        if (s.secondFactorPending()
                || Duration.between(s.lastSeen(), now).compareTo(TOUCH_EVERY) < 0) {
            return found;
        }
        Instant expires = now.plus(LIFETIME);
        boolean kept = database.inTransaction(cfg -> store.touch(cfg.dsl(), s.id(), now, expires));
        // ended meanwhile (a log-out, a password change): not accepted once more
        return kept
                ? Optional.of(
                        new LoginSession(
                                s.id(),
                                s.userId(),
                                s.csrfToken(),
                                s.created(),
                                now,
                                expires,
                                false,
                                s.sudoUntil()))
                : Optional.empty();
    }

    /** The second factor was given: the pending session becomes a full one. */
    public boolean completeSecondFactor(LoginSession session) {
        Instant expires = clock.instant().plus(LIFETIME);
        return database.inTransaction(
                cfg -> store.completeSecondFactor(cfg.dsl(), session.id(), expires));
    }

    /** Ends the session of a cookie's token (log out); nothing happens for an unknown token. */
    public void close(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            database.inTransactionRun(cfg -> store.delete(cfg.dsl(), idOf(token)));
        }
    }

    /** Ends every session of the user; returns how many. */
    public int closeAll(long userId) {
        return database.inTransaction(cfg -> store.deleteAllOf(cfg.dsl(), userId));
    }

    /** Removes expired sessions; returns how many. */
    public int pruneExpired() {
        Instant now = clock.instant();
        return database.inTransaction(cfg -> store.deleteExpired(cfg.dsl(), now));
    }

    /** True when {@code presented} is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(LoginSession session, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The stored id of a token: its SHA-256, in hex. */
    static String idOf(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
