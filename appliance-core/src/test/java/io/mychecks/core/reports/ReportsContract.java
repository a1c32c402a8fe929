package io.mychecks.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reports and nags on each database: due dates, content, one send per due date, unsubscribing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {
    static final Instant T = Instant.parse("2026-12-07T10:00:00Z"); // a Monday
    TestDatabase db;
    SmtpSink sink;
    MutableClock clock;
    Appliance app;
    Seed seed;

    abstract TestDatabase open();

    @BeforeAll
    void start() {
        db = open();
        sink = new SmtpSink();
        Map<String, String> s = new HashMap<>(sink.settings());
        s.put("SECRET_KEY", "k");
        s.put("DATA_DIR", "target/unused");
        s.put("EMAIL_MAIL_FROM_TMPL", "bounces+%s@example.org");
        clock = new MutableClock(T);
        app = new Appliance(Settings.of(s), clock, db.database());
        seed = new Seed(db.database());
    }

    @AfterAll
    void stop() {
        db.close();
        sink.close();
    }

    @BeforeEach
    void clean() {
        seed.deleteAll();
        sink.clear();
        clock.set(T);
    }

    UserStore users() {
        return app.users();
    }

    User withReports(String every, long nag) {
        User u = seed.user(T);
        assertThat(app.profiles().setNotifications(u, every, nag)).isTrue();
        return u;
    }

    Check pingedCheck(User owner, String name) {
        var project = seed.project(owner, T);
        Check c = seed.check(project, T);
        db.database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "UPDATE checks SET name = ?, last_ping = ?, status = 'up', n_pings = 1, timeout = 31536000, alert_after = NULL WHERE id = ?",
                                                name,
                                                T.minus(Duration.ofDays(1)).toEpochMilli(),
                                                c.id()));
        return c;
    }

    @Test
    void weeklyReportIsDueNextMondayAtNineAndSentOnce() {
        User u = withReports("weekly", 0);
        Instant next = users().prefs(db.database().dsl(), u.id()).nextReport();
        assertThat(next)
                .isBetween(
                        Instant.parse("2026-12-14T09:00:00Z"),
                        Instant.parse("2026-12-14T11:00:00Z"));
        pingedCheck(u, "Backups");
        assertThat(app.reportSender().runOnce()).isZero();
        clock.set(next.plusSeconds(1));
        // two daemons: the second finds nothing due
        assertThat(app.reportSender().runOnce()).isEqualTo(1);
        assertThat(app.reportSender().runOnce()).isZero();
        var m = sink.single();
        assertThat(m.subject()).isEqualTo("Weekly Report");
        assertThat(m.text()).contains("Backups: up").contains("All 1 checks are up.");
        assertThat(m.header("List-Unsubscribe")).contains("/accounts/unsubscribe_reports/");
        assertThat(m.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.from()).startsWith("bounces+r");
        Instant after = users().prefs(db.database().dsl(), u.id()).nextReport();
        assertThat(after).isAfter(Instant.parse("2026-12-21T08:59:00Z"));
    }

    @Test
    void reportCountsDowntimeOfThePreviousPeriods() {
        User u = withReports("monthly", 0);
        Check c = pingedCheck(u, "Nightly");
        db.database()
                .inTransactionRun(
                        cfg -> {
                            app.flips()
                                    .insert(
                                            cfg.dsl(),
                                            new FlipDraft(
                                                    c.id(),
                                                    Instant.parse("2026-11-10T00:00:00Z"),
                                                    CheckStatus.UP,
                                                    CheckStatus.DOWN,
                                                    "timeout"),
                                            true);
                            app.flips()
                                    .insert(
                                            cfg.dsl(),
                                            new FlipDraft(
                                                    c.id(),
                                                    Instant.parse("2026-11-10T03:00:00Z"),
                                                    CheckStatus.DOWN,
                                                    CheckStatus.UP,
                                                    ""),
                                            true);
                        });
        clock.set(Instant.parse("2027-01-01T12:00:00Z"));
        assertThat(app.reportSender().runOnce()).isEqualTo(1);
        String text = sink.single().text();
        assertThat(text).startsWith("Monthly Report");
        assertThat(text)
                .contains("December 2026: no downtime")
                .contains("November 2026: 1 × 3 hours");
    }

    @Test
    void noReportWithoutAPingInHalfAYear() {
        User u = withReports("daily", 0);
        seed.check(seed.project(u, T), T);
        clock.advance(Duration.ofDays(2));
        assertThat(app.reportSender().runOnce()).isZero();
        assertThat(sink.messages()).isEmpty();
        // but the next date moved on
        assertThat(users().prefs(db.database().dsl(), u.id()).nextReport())
                .isAfter(clock.instant());
    }

    @Test
    void nagsRepeatWhileSomethingIsDownAndStopWhenNothingIs() {
        User u = withReports("off", 3600);
        Check c = pingedCheck(u, "Flaky");
        assertThat(app.reportSender().runOnce()).isZero();
        db.database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "UPDATE checks SET status = 'down' WHERE id = ?",
                                                c.id()));
        assertThat(app.reportSender().runOnce()).isZero(); // armed: first reminder in an hour
        clock.advance(Duration.ofMinutes(61));
        assertThat(app.reportSender().runOnce()).isEqualTo(1);
        assertThat(sink.single().subject()).isEqualTo("Reminder: 1 check is still down");
        assertThat(sink.single().text()).contains("Flaky: down");
        clock.advance(Duration.ofMinutes(61));
        assertThat(app.reportSender().runOnce()).isEqualTo(1);
        db.database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "UPDATE checks SET status = 'up' WHERE id = ?",
                                                c.id()));
        clock.advance(Duration.ofMinutes(61));
        assertThat(app.reportSender().runOnce()).isZero();
        assertThat(users().prefs(db.database().dsl(), u.id()).nextNag()).isNull();
    }

    @Test
    void aNagIsArmedForAnOverdueCheckInAJoinedProject() {
        User owner = seed.user(T);
        Check c = pingedCheck(owner, "Shared");
        User member = withReports("off", 3600);
        db.database()
                .inTransactionRun(
                        cfg -> new MemberStore().put(cfg.dsl(), member.id(), c.projectId(), "r"));
        assertThat(app.reportSender().runOnce()).isZero();
        assertThat(users().prefs(db.database().dsl(), member.id()).nextNag()).isNull();
        // past its deadline: down now, though the alert loop has not marked it yet
        db.database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "UPDATE checks SET alert_after = ? WHERE id = ?",
                                                clock.instant().minusSeconds(1).toEpochMilli(),
                                                c.id()));
        assertThat(app.reportSender().runOnce()).isZero();
        assertThat(users().prefs(db.database().dsl(), member.id()).nextNag())
                .isEqualTo(clock.instant().plusSeconds(3600));
        User other = withReports("off", 3600);
        assertThat(app.checks().anyDownFor(db.database().dsl(), other.id(), clock.instant()))
                .isFalse();
        assertThat(app.checks().anyDownFor(db.database().dsl(), owner.id(), clock.instant()))
                .isTrue();
    }

    @Test
    void membersGetReportsOfProjectsTheyJoined() {
        User owner = seed.user(T);
        Check c = pingedCheck(owner, "Shared");
        User member = withReports("daily", 0);
        db.database()
                .inTransactionRun(
                        cfg -> new MemberStore().put(cfg.dsl(), member.id(), c.projectId(), "r"));
        clock.advance(Duration.ofDays(2));
        assertThat(app.reportSender().runOnce()).isEqualTo(1);
        assertThat(sink.single().recipients()).containsExactly(member.email());
        assertThat(sink.single().text()).contains("Shared: up");
    }

    @Test
    void unsubscribeLinkAndBounceTurnReportsOff() {
        User u = withReports("daily", 86400);
        String token = app.reportSender().links().token(u.id());
        assertThat(app.reportSender().links().verify(token)).contains(u.id());
        assertThat(app.reportSender().links().verify(token.replaceFirst("^\\d+", "999"))).isEmpty();
        String sender =
                io.mychecks.core.notify.email.BounceAddress.fromSettings(app.settings(), clock)
                        .reportSender(u.id())
                        .orElseThrow();
        String bounce =
                "From: MAILER-DAEMON@example.org\r\nTo: "
                        + sender
                        + "\r\nSubject: Undelivered\r\n"
                        + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n"
                        + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; x@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 no such user\r\n\r\n--b--\r\n";
        assertThat(
                        app.bounceProcessor()
                                .apply(bounce.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("OK (reports turned off)");
        UserStore.Prefs p = users().prefs(db.database().dsl(), u.id());
        assertThat(p.reports()).isEqualTo("off");
        assertThat(p.nagPeriod()).isZero();
    }
}
