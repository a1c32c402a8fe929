package io.mychecks.core.login;

import io.mychecks.core.accounts.LoginSession;
import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.settings.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * TOTP two-factor log-in: turning it on (after a first good code from the new secret), off, and
 * checking codes at log-in. A code works once, within one step either side of now; at most {@value
 * #ATTEMPTS_PER_DAY} attempts a day per user.
 */
public final class TwoFactor {
    static final int ATTEMPTS_PER_DAY = 96;

    /** How a code check ended. */
    public enum Outcome {
        OK,
        WRONG,
        TOO_MANY_ATTEMPTS
    }

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final LoginSessions sessions;
    private final RateLimiter limits;
    private final Settings settings;

    public TwoFactor(
            Database database,
            Clock clock,
            UserStore users,
            LoginSessions sessions,
            RateLimiter limits,
            Settings settings) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.sessions = sessions;
        this.limits = limits;
        this.settings = settings;
    }

    public boolean enabled(User user) {
        return users.totp(database.dsl(), user.id()).secret() != null;
    }

    /** The address an authenticator app takes (as a QR code or a link) for a new secret. */
    public String otpauthUri(User user, String secret) {
        String issuer =
                URLEncoder.encode(settings.siteName(), StandardCharsets.UTF_8).replace("+", "%20");
        String account =
                URLEncoder.encode(user.email(), StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/"
                + issuer
                + ":"
                + account
                + "?secret="
                + secret
                + "&issuer="
                + issuer;
    }

    /** Turns two-factor log-in on with {@code secret}, if {@code code} is its current code. */
    public boolean enable(User user, String secret, String code) {
        if (secret == null || !secret.matches("^[A-Z2-7]{32}$") || !matchesNow(secret, code)) {
            return false;
        }
        database.inTransactionRun(cfg -> users.setTotpSecret(cfg.dsl(), user.id(), secret));
        return true;
    }

    public void disable(User user) {
        database.inTransactionRun(cfg -> users.setTotpSecret(cfg.dsl(), user.id(), null));
    }

    /** Checks a code of the user's secret; each code works once. */
    public Outcome verify(User user, String code) {
        if (!limits.tryTake("totp-" + user.id(), ATTEMPTS_PER_DAY, Duration.ofDays(1))) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        UserStore.Totp t = users.totp(database.dsl(), user.id());
        if (t.secret() == null || code == null) {
            return Outcome.WRONG;
        }
        String c = code.replace(" ", "").strip();
        long now = Totp.step(clock.instant().getEpochSecond());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > t.lastStep() && same(Totp.code(t.secret(), step), c)) {
                long used = step;
                boolean fresh =
                        database.inTransaction(
                                cfg -> users.useTotpStep(cfg.dsl(), user.id(), used));
                return fresh ? Outcome.OK : Outcome.WRONG;
            }
        }
        return Outcome.WRONG;
    }

    /** Completes a log-in waiting for its second factor, when {@code code} is right. */
    public Outcome completeLogIn(User user, LoginSession pending, String code) {
        Outcome o = verify(user, code);
        if (o == Outcome.OK && !sessions.completeSecondFactor(pending)) {
            return Outcome.WRONG;
        }
        return o;
    }

    private boolean matchesNow(String secret, String code) {
        if (code == null) {
            return false;
        }
        String c = code.replace(" ", "").strip();
        long now = Totp.step(clock.instant().getEpochSecond());
        for (long step = now - 1; step <= now + 1; step++) {
            if (same(Totp.code(secret, step), c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
