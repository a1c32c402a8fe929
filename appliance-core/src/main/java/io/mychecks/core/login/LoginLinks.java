package io.mychecks.core.login;

import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.MessageTemplates;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-in by an emailed link. A link holds the user id, its expiry and a keyed hash of both and of
 * the user's last log-in: nothing is stored, and the link dies when it is used (the log-in it opens
 * moves the last log-in on) or after {@link #LIFETIME}.
 */
public final class LoginLinks {
    public static final Duration LIFETIME = Duration.ofHours(1);
    static final int PER_ADDRESS_PER_HOUR = 10;
    static final int PER_CLIENT_PER_HOUR = 20;
    private static final Pattern TOKEN =
            Pattern.compile("^(\\d{1,18})-(\\d{1,12})-([0-9a-f]{40})$");
    private static final Logger LOG = LoggerFactory.getLogger(LoginLinks.class);

    /** How a request for a link ended. Unknown addresses end as SENT too: no enumeration. */
    public enum Outcome {
        SENT,
        TOO_MANY_REQUESTS
    }

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final LoginSessions sessions;
    private final RateLimiter limits;
    private final MailSender mail;
    private final Settings settings;

    public LoginLinks(
            Database database,
            Clock clock,
            UserStore users,
            LoginSessions sessions,
            RateLimiter limits,
            MailSender mail,
            Settings settings) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.sessions = sessions;
        this.limits = limits;
        this.mail = mail;
        this.settings = settings;
    }

    /** True when links can be mailed at all (the log-in page hides the form otherwise). */
    public boolean available() {
        return mail.configured();
    }

    /**
     * Mails a log-in link to {@code email} if it names a user. Rate-limited per address and per
     * client address ({@code client}, may be null).
     */
    public Outcome request(String email, String client) {
        String address = email == null ? "" : email.strip();
        String secret = settings.secretKey();
        if (!limits.tryTake(
                RateLimiter.key("link-", secret, address),
                PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1))) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        if (client != null
                && !limits.tryTake(
                        RateLimiter.key("link-ip-", secret, client),
                        PER_CLIENT_PER_HOUR,
                        Duration.ofHours(1))) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        Optional<User> user =
                address.isEmpty() || address.length() > 254
                        ? Optional.empty()
                        : users.findByEmail(
                                database.dsl(), address.toLowerCase(java.util.Locale.ROOT));
        user.filter(User::active).ifPresent(u -> send(u, "Log in to " + settings.siteName(), null));
        return Outcome.SENT;
    }

    /** Mails {@code user} a link now, with {@code intro} as the message's first paragraph. */
    public void send(User user, String subject, String intro) {
        LoginLinkMessage m =
                new LoginLinkMessage(
                        settings.siteName(),
                        settings.siteRoot() + "/accounts/check_token/" + token(user) + "/",
                        intro == null ? "" : intro,
                        LIFETIME.toMinutes());
        try {
            mail.send(
                    new OutgoingMail(
                            user.email(),
                            subject,
                            MessageTemplates.text("email/login-link.jte", m),
                            MessageTemplates.html("email/login-link.jte", m),
                            Map.of()));
        } catch (MailFailure e) {
            LOG.warn("could not send a log-in link to user {}: {}", user.id(), e.getMessage());
        }
    }

    /** A fresh link token for {@code user}. */
    public String token(User user) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return user.id() + "-" + expires + "-" + mac(user, expires);
    }

    /** The user a token logs in, while it is valid; nothing changes. */
    public Optional<User> check(String token) {
        var m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        long expires = Long.parseLong(m.group(2));
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return users.findById(database.dsl(), id)
                .filter(User::active)
                .filter(
                        u ->
                                MessageDigest.isEqual(
                                        mac(u, expires).getBytes(StandardCharsets.US_ASCII),
                                        m.group(3).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Uses a token: opens a session for its user, after which the token is spent. */
    public Optional<LoginSessions.Opened> redeem(String token) {
        Optional<User> user = check(token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        User u = user.get();
        boolean won =
                database.inTransaction(
                        cfg -> users.swapLastLogin(cfg.dsl(), u.id(), u.lastLogin(), now()));
        boolean twoFactor = users.totp(database.dsl(), u.id()).secret() != null;
        return won ? Optional.of(sessions.open(u.id(), twoFactor)) : Optional.empty();
    }

    private Instant now() {
        Instant n = clock.instant();
        return Instant.ofEpochMilli(n.toEpochMilli());
    }

    private String mac(User user, long expires) {
        String message =
                "login-link|"
                        + user.id()
                        + "|"
                        + expires
                        + "|"
                        + (user.lastLogin() == null ? "-" : user.lastLogin().toEpochMilli())
                        + "|"
                        + user.email();
        byte[] h =
                Hmac.sha256(
                        settings.secretKey().getBytes(StandardCharsets.UTF_8),
                        message.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 20);
    }
}
