package io.mychecks.core.login;

import io.mychecks.core.accounts.LoginSession;
import io.mychecks.core.accounts.LoginSessionStore;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.User;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sudo mode: before sensitive changes (password, email address, two-factor log-in, closing the
 * account) a session proves again who is at the keyboard, with a 6-digit code mailed to the
 * account's address (15 minutes, 10 a day) or, where the site cannot send mail, the password. It
 * then lasts {@link #LENGTH}.
 */
public final class SudoMode {
    public static final Duration LENGTH = Duration.ofMinutes(30);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    static final int CODES_PER_DAY = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final LoginSessionStore store;
    private final PasswordHasher hasher;
    private final RateLimiter limits;
    private final MailSender mail;
    private final Settings settings;

    public SudoMode(
            Database database,
            Clock clock,
            LoginSessionStore store,
            PasswordHasher hasher,
            RateLimiter limits,
            MailSender mail,
            Settings settings) {
        this.database = database;
        this.clock = clock;
        this.store = store;
        this.hasher = hasher;
        this.limits = limits;
        this.mail = mail;
        this.settings = settings;
    }

    public boolean active(LoginSession session) {
        return session != null && session.sudo(clock.instant());
    }

    /** True when codes can be mailed; else sudo mode is entered with the password. */
    public boolean byEmail() {
        return mail.configured();
    }

    /** Mails a new code; false when the daily limit is reached or the mail failed. */
    public boolean sendCode(User user, LoginSession session) {
        if (!byEmail() || !limits.tryTake("sudo-" + user.id(), CODES_PER_DAY, Duration.ofDays(1))) {
            return false;
        }
        String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        database.inTransactionRun(
                cfg -> store.setSudoCode(cfg.dsl(), session.id(), hash(code), expires));
        String text =
                "Hello,\n\nYour confirmation code for "
                        + settings.siteName()
                        + " is:\n\n    "
                        + code
                        + "\n\nIt works for 15 minutes. If you did not ask for it, someone may be"
                        + " logged in as you: change your password.\n";
        try {
            String html =
                    "<p>Your confirmation code for "
                            + io.mychecks.core.text.Html.escape(settings.siteName())
                            + " is <strong>"
                            + code
                            + "</strong>. It works for 15 minutes.</p>";
            mail.send(
                    new OutgoingMail(
                            user.email(), "Confirmation code: " + code, text, html, Map.of()));
            return true;
        } catch (MailFailure e) {
            return false;
        }
    }

    /** Enters sudo mode if {@code code} is the session's mailed code. */
    public boolean confirmCode(LoginSession session, String code) {
        if (code == null
                || !limits.tryTake("sudo-try-" + session.userId(), 20, Duration.ofHours(1))) {
            return false;
        }
        Optional<String> stored = store.sudoCode(database.dsl(), session.id(), clock.instant());
        if (stored.isEmpty()
                || !MessageDigest.isEqual(
                        stored.get().getBytes(StandardCharsets.US_ASCII),
                        hash(code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        enter(session);
        return true;
    }

    /** Enters sudo mode if {@code password} is the user's password. */
    public boolean confirmPassword(User user, LoginSession session, String password) {
        if (password == null
                || !hasher.isWellFormed(user.passwordHash())
                || !limits.tryTake(
                        RateLimiter.key("pw-", settings.secretKey(), user.email()),
                        20,
                        Duration.ofDays(1))
                || !hasher.verify(password, user.passwordHash())) {
            return false;
        }
        enter(session);
        return true;
    }

    private void enter(LoginSession session) {
        Instant until = clock.instant().plus(LENGTH);
        database.inTransactionRun(cfg -> store.setSudoUntil(cfg.dsl(), session.id(), until));
    }

    private static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
