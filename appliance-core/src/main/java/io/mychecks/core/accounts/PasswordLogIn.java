package io.mychecks.core.accounts;

import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Log-in by email address and password. As in the reference, each address may try 20 times a day
 * (successes count too; the bucket refills evenly), whichever way its case, dots or {@code +tag}
 * are written. An unknown address, an account without a password and a wrong password get the same
 * answer, after the same work, so the form tells no one which addresses have accounts.
 */
public final class PasswordLogIn {
    static final int ATTEMPTS_PER_DAY = 20;

    /** How a log-in attempt ended. */
    public enum Outcome {
        OK,
        WRONG,
        /** The password is right but an admin disabled the account. */
        DISABLED,
        TOO_MANY_ATTEMPTS
    }

    /** The outcome, with the user and their new session when it is OK. */
    public record Result(Outcome outcome, User user, LoginSessions.Opened session) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null, null);
        }
    }

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final RateLimiter limits;
    private final String secret;
    private volatile String unusable;

    public PasswordLogIn(
            Database database,
            Clock clock,
            UserStore users,
            PasswordHasher hasher,
            LoginSessions sessions,
            RateLimiter limits,
            String secret) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.limits = limits;
        this.secret = secret;
    }

    /** Verified against when there is no real hash, so that every refusal costs the same. */
    private String unusable() {
        String u = unusable;
        if (u == null) {
            u = hasher.hash(secret + ":no account");
            unusable = u;
        }
        return u;
    }

    public Result logIn(String email, String password) {
        if (email == null || password == null || email.isBlank() || email.length() > 254) {
            return Result.of(Outcome.WRONG);
        }
        String address = email.strip();
        if (!limits.tryTake(
                RateLimiter.key("pw-", secret, address), ATTEMPTS_PER_DAY, Duration.ofDays(1))) {
            return Result.of(Outcome.TOO_MANY_ATTEMPTS);
        }
        Optional<User> user = users.findByEmail(database.dsl(), address);
        String stored =
                user.map(User::passwordHash).filter(hasher::isWellFormed).orElseGet(this::unusable);
        boolean matches = hasher.verify(password, stored);
        if (!matches || user.isEmpty() || !hasher.isWellFormed(user.get().passwordHash())) {
            return Result.of(Outcome.WRONG);
        }
        User u = user.get();
        if (!u.active()) {
            return Result.of(Outcome.DISABLED);
        }
        database.inTransactionRun(cfg -> users.setLastLogin(cfg.dsl(), u.id(), clock.instant()));
        boolean twoFactor = users.totp(database.dsl(), u.id()).secret() != null;
        return new Result(Outcome.OK, u, sessions.open(u.id(), twoFactor));
    }
}
