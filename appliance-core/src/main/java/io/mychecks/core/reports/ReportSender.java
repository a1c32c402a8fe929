package io.mychecks.core.reports;

import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.Downtime;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.core.notify.HumanDuration;
import io.mychecks.core.notify.MessageTemplates;
import io.mychecks.core.profile.ReportSchedule;
import io.mychecks.core.schedule.TimeZones;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reports and nags that are due (spec 10.3). Each send first moves the user's next date
 * with a compare-and-set, so several daemons on one database send each one once.
 *
 * <p>{@code bounceSender} gives the envelope sender of a user's reports (a signed bounce address),
 * or nothing.
 */
public final class ReportSender {
    static final Duration ACTIVE_WITHIN = Duration.ofDays(180);
    private static final Logger LOG = LoggerFactory.getLogger(ReportSender.class);

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final ProjectAccess access;
    private final CheckQueries checks;
    private final CheckStore checkStore = new CheckStore();
    private final FlipStore flips;
    private final MailSender mail;
    private final Settings settings;
    private final ReportSchedule schedule;
    private final ReportLinks links;
    private final LongFunction<Optional<String>> bounceSender;

    public ReportSender(
            Database database,
            Clock clock,
            UserStore users,
            ProjectAccess access,
            CheckQueries checks,
            FlipStore flips,
            MailSender mail,
            Settings settings,
            ReportSchedule schedule,
            LongFunction<Optional<String>> bounceSender) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.access = access;
        this.checks = checks;
        this.flips = flips;
        this.mail = mail;
        this.settings = settings;
        this.schedule = schedule;
        this.links = new ReportLinks(settings.secretKey());
        this.bounceSender = bounceSender;
    }

    public ReportLinks links() {
        return links;
    }

    /** Sends what is due now; returns how many emails went out. */
    public int runOnce() {
        if (!mail.configured()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (User u : users.dueReports(database.dsl(), now, 100)) {
            UserStore.Prefs p = users.prefs(database.dsl(), u.id());
            Instant next = schedule.next(p.reports(), u.tz(), now);
            if (database.inTransaction(
                    cfg -> users.swapNextReport(cfg.dsl(), u.id(), p.nextReport(), next))) {
                sent += sendReport(u, p.reports(), now) ? 1 : 0;
            }
        }
        for (User u : users.unarmedNags(database.dsl(), 1000)) {
            UserStore.Prefs p = users.prefs(database.dsl(), u.id());
            // an existence query: this runs every minute for every user with nags on
            if (checkStore.anyDownFor(database.dsl(), u.id(), now)) {
                database.inTransaction(
                        cfg ->
                                users.swapNextNag(
                                        cfg.dsl(), u.id(), null, now.plusSeconds(p.nagPeriod())));
            }
        }
        for (User u : users.dueNags(database.dsl(), now, 100)) {
            UserStore.Prefs p = users.prefs(database.dsl(), u.id());
            List<ReportMessage.Section> down = downChecks(u, now);
            Instant next = down.isEmpty() ? null : now.plusSeconds(p.nagPeriod());
            if (database.inTransaction(
                            cfg -> users.swapNextNag(cfg.dsl(), u.id(), p.nextNag(), next))
                    && !down.isEmpty()) {
                sent += sendNag(u, down) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean sendReport(User u, String period, Instant now) {
        ZoneId zone = TimeZones.resolve(u.tz()).orElse(ZoneOffset.UTC);
        List<Instant[]> ranges = ranges(period, now, zone);
        List<String> labels = new ArrayList<>();
        for (Instant[] r : ranges) {
            labels.add(label(period, r[0], zone));
        }
        boolean[] active = {false};
        int[] counts = new int[2];
        List<ReportMessage.Section> sections = new ArrayList<>();
        for (ProjectAccess.Access a : access.projectsOf(u)) {
            List<Ranked> rows = new ArrayList<>();
            checks.forEach(
                    a.project(),
                    Set.of(),
                    null,
                    s -> {
                        Check c = s.check();
                        if (c.state().lastPing() != null
                                && c.state().lastPing().isAfter(now.minus(ACTIVE_WITHIN))) {
                            active[0] = true;
                        }
                        var history = flips.forCheck(database.dsl(), c.id(), null, now);
                        List<String> downs = new ArrayList<>();
                        long sortKey = 0;
                        for (Instant[] r : ranges) {
                            Downtime d = Downtime.of(history, r[0], r[1], now);
                            downs.add(
                                    d.downs() == 0
                                            ? ""
                                            : d.downs() + " × " + HumanDuration.format(d.total()));
                            sortKey += d.total().toSeconds();
                        }
                        CheckStatus st = StatusCalculator.status(c, now, false);
                        counts[0]++;
                        if (st == CheckStatus.DOWN) {
                            counts[1]++;
                        }
                        rows.add(
                                new Ranked(
                                        sortKey,
                                        new ReportMessage.Row(
                                                c.displayName(), word(st), downs, link(c))));
                    });
            List<ReportMessage.Row> list =
                    rows.stream()
                            .sorted(
                                    Comparator.comparingLong(Ranked::downSeconds)
                                            .reversed()
                                            .thenComparing(r -> r.row().name()))
                            .map(Ranked::row)
                            .toList();
            if (!list.isEmpty()) {
                sections.add(new ReportMessage.Section(a.project().name(), list));
            }
        }
        if (!active[0]) {
            return false;
        }
        String title =
                period.substring(0, 1).toUpperCase(Locale.ROOT) + period.substring(1) + " Report";
        String summary =
                counts[1] == 0
                        ? "All " + counts[0] + " checks are up."
                        : counts[1]
                                + " of "
                                + counts[0]
                                + " checks "
                                + (counts[1] == 1 ? "is" : "are")
                                + " down.";
        return send(
                u,
                title,
                new ReportMessage(
                        settings.siteName(),
                        title,
                        summary,
                        labels,
                        sections,
                        unsubscribe(u),
                        profile(),
                        false));
    }

    /** A report row with its downtime over both periods, for the order (most downtime first). */
    private record Ranked(long downSeconds, ReportMessage.Row row) {}

    private boolean sendNag(User u, List<ReportMessage.Section> down) {
        int n = down.stream().mapToInt(s -> s.rows().size()).sum();
        String title = "Reminder: " + n + (n == 1 ? " check is" : " checks are") + " still down";
        return send(
                u,
                title,
                new ReportMessage(
                        settings.siteName(),
                        title,
                        title + ".",
                        List.of(),
                        down,
                        unsubscribe(u),
                        profile(),
                        true));
    }

    private List<ReportMessage.Section> downChecks(User u, Instant now) {
        List<ReportMessage.Section> out = new ArrayList<>();
        for (ProjectAccess.Access a : access.projectsOf(u)) {
            List<ReportMessage.Row> rows = new ArrayList<>();
            checks.forEach(
                    a.project(),
                    Set.of(),
                    null,
                    s -> {
                        if (StatusCalculator.status(s.check(), now, false) == CheckStatus.DOWN) {
                            rows.add(
                                    new ReportMessage.Row(
                                            s.check().displayName(),
                                            "down",
                                            List.of(),
                                            link(s.check())));
                        }
                    });
            if (!rows.isEmpty()) {
                out.add(new ReportMessage.Section(a.project().name(), rows));
            }
        }
        return out;
    }

    private boolean send(User u, String subject, ReportMessage m) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + m.unsubscribeLink() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        OutgoingMail out =
                new OutgoingMail(
                        u.email(),
                        subject,
                        MessageTemplates.text("email/report.jte", m),
                        MessageTemplates.html("email/report.jte", m),
                        headers);
        var sender = bounceSender.apply(u.id());
        if (sender.isPresent()) {
            out = out.withBounceTo(sender.get());
        }
        try {
            mail.send(out);
            return true;
        } catch (MailFailure e) {
            LOG.warn("could not send a report to user {}: {}", u.id(), e.getMessage());
            return false;
        }
    }

    private String unsubscribe(User u) {
        return settings.siteRoot() + "/accounts/unsubscribe_reports/" + links.token(u.id()) + "/";
    }

    private String profile() {
        return settings.siteRoot() + "/accounts/profile/";
    }

    private String link(Check c) {
        return settings.siteRoot() + "/checks/" + c.code() + "/details/";
    }

    private static String word(CheckStatus s) {
        return s == CheckStatus.GRACE ? "late" : s.wire();
    }

    /** The two full periods before {@code now}, newest first, as [from, to). */
    static List<Instant[]> ranges(String period, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate end =
                switch (period) {
                    case "daily" -> today;
                    case "weekly" ->
                            today.with(
                                    TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                    default -> today.withDayOfMonth(1);
                };
        List<Instant[]> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LocalDate start =
                    switch (period) {
                        case "daily" -> end.minusDays(1);
                        case "weekly" -> end.minusWeeks(1);
                        default -> end.minusMonths(1);
                    };
            out.add(
                    new Instant[] {
                        start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()
                    });
            end = start;
        }
        return out;
    }

    private static String label(String period, Instant from, ZoneId zone) {
        LocalDate d = from.atZone(zone).toLocalDate();
        return switch (period) {
            case "daily" -> d.format(DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH));
            case "weekly" ->
                    "Week of " + d.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH));
            default -> d.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        };
    }
}
