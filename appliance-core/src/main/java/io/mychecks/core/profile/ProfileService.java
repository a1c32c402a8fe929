package io.mychecks.core.profile;

import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.MessageTemplates;
import io.mychecks.core.schedule.TimeZones;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user changes about their own account: password, email address (confirmed by a link sent to
 * the new one), time zone, reports and nags, and closing the account.
 */
public final class ProfileService {
    public static final int MIN_PASSWORD = 8;
    public static final Duration EMAIL_LINK_LIFETIME = Duration.ofMinutes(15);
    static final int EMAIL_CHANGES_PER_HOUR = 5;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TOKEN =
            Pattern.compile("^(\\d{1,18})-(\\d{1,12})-([A-Za-z0-9_-]{4,400})-([0-9a-f]{40})$");

    /** How a password change ended; the new session replaces every old one on OK. */
    public record PasswordChange(Outcome outcome, LoginSessions.Opened session) {}

    public enum Outcome {
        OK,
        TOO_SHORT
    }

    /** How a request to change the address ended. */
    public enum EmailChange {
        SENT,
        BAD_ADDRESS,
        TAKEN,
        TOO_MANY
    }

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final RateLimiter limits;
    private final MailSender mail;
    private final Settings settings;
    private final ReportSchedule reports;

    public ProfileService(
            Database database,
            Clock clock,
            UserStore users,
            PasswordHasher hasher,
            LoginSessions sessions,
            RateLimiter limits,
            MailSender mail,
            Settings settings,
            ReportSchedule reports) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.limits = limits;
        this.mail = mail;
        this.settings = settings;
        this.reports = reports;
    }

    /** True when the user has a password (accounts made by link or invitation have none). */
    public boolean hasPassword(User user) {
        return hasher.isWellFormed(user.passwordHash());
    }

    /**
     * Sets a new password (the web UI asks for sudo mode first). Every other session of the user
     * ends: the answer carries the one session left, for this browser.
     */
    public PasswordChange setPassword(User user, String next) {
        if (next == null || next.length() < MIN_PASSWORD || next.length() > 1000) {
            return new PasswordChange(Outcome.TOO_SHORT, null);
        }
        String hash = hasher.hash(next);
        database.inTransactionRun(cfg -> users.setPasswordHash(cfg.dsl(), user.id(), hash));
        sessions.closeAll(user.id());
        return new PasswordChange(Outcome.OK, sessions.open(user.id()));
    }

    /** Mails a confirmation link to {@code newEmail}; the address changes when it is followed. */
    public EmailChange requestEmailChange(User user, String newEmail) {
        String address = newEmail == null ? "" : newEmail.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            return EmailChange.BAD_ADDRESS;
        }
        if (users.findByEmail(database.dsl(), address).isPresent()) {
            return EmailChange.TAKEN;
        }
        if (!limits.tryTake(
                "email-change-" + user.id(), EMAIL_CHANGES_PER_HOUR, Duration.ofHours(1))) {
            return EmailChange.TOO_MANY;
        }
        long expires = clock.instant().plus(EMAIL_LINK_LIFETIME).getEpochSecond();
        String encoded =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(address.getBytes(StandardCharsets.UTF_8));
        String token =
                user.id() + "-" + expires + "-" + encoded + "-" + mac(user, expires, address);
        String link = settings.siteRoot() + "/accounts/change_email/" + token + "/";
        var m = new EmailChangeMessage(settings.siteName(), link, user.email(), address);
        try {
            mail.send(
                    new OutgoingMail(
                            address,
                            "Confirm your new email address on " + settings.siteName(),
                            MessageTemplates.text("email/change-email.jte", m),
                            MessageTemplates.html("email/change-email.jte", m),
                            Map.of()));
        } catch (MailFailure e) {
            return EmailChange.TOO_MANY;
        }
        return EmailChange.SENT;
    }

    /** The user and new address of a valid link; nothing changes. */
    public Optional<Change> checkEmailChange(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        long expires = Long.parseLong(m.group(2));
        String address;
        try {
            address = new String(Base64.getUrlDecoder().decode(m.group(3)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return users.findById(database.dsl(), id)
                .filter(
                        u ->
                                MessageDigest.isEqual(
                                        mac(u, expires, address)
                                                .getBytes(StandardCharsets.US_ASCII),
                                        m.group(4).getBytes(StandardCharsets.US_ASCII)))
                .map(u -> new Change(u, address));
    }

    /** A pending change of address. */
    public record Change(User user, String newEmail) {}

    /** Applies a valid link once (the old address is part of its signature); false otherwise. */
    public boolean applyEmailChange(String token) {
        Optional<Change> change = checkEmailChange(token);
        if (change.isEmpty()) {
            return false;
        }
        return database.inTransaction(
                cfg -> {
                    if (users.findByEmail(cfg.dsl(), change.get().newEmail()).isPresent()) {
                        return false;
                    }
                    users.setEmail(cfg.dsl(), change.get().user().id(), change.get().newEmail());
                    return true;
                });
    }

    /** Sets the user's time zone; false for an unknown one. */
    public boolean setTimeZone(User user, String tz) {
        if (tz == null || tz.length() > 64 || TimeZones.resolve(tz).isEmpty()) {
            return false;
        }
        database.inTransactionRun(cfg -> users.setTimeZone(cfg.dsl(), user.id(), tz));
        return true;
    }

    /**
     * Sets how often reports come ({@code off}, {@code daily}, {@code weekly}, {@code monthly}) and
     * nags ({@code 0}, one hour or one day in seconds); the next report is scheduled from now.
     */
    public boolean setNotifications(User user, String reportsEvery, long nagSeconds) {
        if (!ReportSchedule.PERIODS.contains(reportsEvery)
                || !(nagSeconds == 0 || nagSeconds == 3600 || nagSeconds == 86400)) {
            return false;
        }
        User fresh = users.findById(database.dsl(), user.id()).orElse(user);
        Instant next = reports.next(reportsEvery, fresh.tz(), clock.instant());
        database.inTransactionRun(
                cfg -> {
                    UserStore.Prefs old = users.prefs(cfg.dsl(), user.id());
                    users.setPrefs(
                            cfg.dsl(),
                            user.id(),
                            new UserStore.Prefs(
                                    reportsEvery,
                                    nagSeconds,
                                    next,
                                    nagSeconds == 0
                                            ? null
                                            : old.nagPeriod() == nagSeconds
                                                    ? old.nextNag()
                                                    : null));
                });
        return true;
    }

    public UserStore.Prefs prefs(User user) {
        return users.prefs(database.dsl(), user.id());
    }

    /** Deletes the account and every project it owns, when {@code typed} is its address. */
    public boolean closeAccount(User user, String typed) {
        if (typed == null || !typed.strip().equalsIgnoreCase(user.email())) {
            return false;
        }
        database.inTransactionRun(cfg -> users.delete(cfg.dsl(), user.id()));
        return true;
    }

    private String mac(User user, long expires, String newEmail) {
        String message =
                "email-change|" + user.id() + "|" + expires + "|" + user.email() + "|" + newEmail;
        byte[] h =
                Hmac.sha256(
                        settings.secretKey().getBytes(StandardCharsets.UTF_8),
                        message.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 20);
    }
}
