package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Email pings through a real listener and a real database, on SQLite and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgres"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpListenerTest {
    @Parameter String database;
    SmtpTestRig rig;

    @BeforeParameterizedClassInvocation
    void start() {
        rig = SmtpTestRig.start(database);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        rig.close();
    }

    Check check(Consumer<CheckConfig.Builder> edit) {
        return rig.fx.aliceCheck(edit);
    }

    String mail(Check check) {
        return check.code() + "@localhost";
    }

    String send(String subject, String body, String... recipients) {
        try (SmtpClient c = rig.session()) {
            return c.send(
                    "cron@example.org",
                    List.of(recipients),
                    "From: cron@example.org\nSubject: " + subject + "\n\n" + body + "\n");
        }
    }

    @Test
    void emailPingMarksCheckUpAndRecordsThePing() {
        Check c = check(b -> b.name = "backup");
        String message =
                "From: cron@example.org\r\nSubject: Backup done\r\n\r\nAll good.\r\n.hidden dot line\r\n";
        try (SmtpClient client = rig.session()) {
            assertThat(client.greeting).startsWith("220 localhost ESMTP");
            assertThat(client.send("cron@example.org", List.of(mail(c)), message))
                    .isEqualTo("250 OK");
            assertThat(client.command("QUIT")).startsWith("221");
        }
        Check after = rig.fx.reload(c);
        assertThat(after.state().status()).isEqualTo(CheckStatus.UP);
        assertThat(after.state().nPings()).isEqualTo(1);
        Ping p = rig.lastPing(c);
        assertThat(p.kind()).isEqualTo(PingKind.SUCCESS);
        assertThat(p.scheme()).isEqualTo("email");
        assertThat(p.method()).isEmpty();
        assertThat(p.ua()).isEqualTo("Email from cron@example.org");
        assertThat(p.remoteAddr()).isEqualTo("127.0.0.1");
        assertThat(p.rid()).isNull();
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).isEqualTo(message);
    }

    @Test
    void curlStyleUploadWithoutHeadersIsAPing() {
        // what `curl --url smtp://HOST:PORT --mail-from a@b --mail-rcpt <uuid>@localhost -T file`
        // sends
        Check c = check(b -> {});
        try (SmtpClient client = rig.connect()) {
            SmtpClient.expect(client.command("EHLO curl"), "250");
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(
                    client.command("RCPT TO:<" + c.code().toString().toUpperCase() + "@LOCALHOST>"),
                    "250");
            SmtpClient.expect(client.command("DATA"), "354");
            assertThat(client.data("just a file\n")).isEqualTo("250 OK");
        }
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
        assertThat(rig.lastPing(c).ua()).isEqualTo("Email from a@b");
    }

    @ParameterizedTest
    @CsvSource({
        // subject, body, expected kind
        "Backup FAILED, details, FAIL",
        "Backup finished, SUCCESS in body, SUCCESS",
        "Backup STARTED, details, START",
        "nothing matches, details, IGN",
    })
    void subjectAndBodyFiltersClassifyThePing(String subject, String body, PingKind expected) {
        Check c =
                check(
                        b -> {
                            b.filterSubject = true;
                            b.filterBody = true;
                            b.failureKw = "FAIL";
                            b.successKw = "SUCCESS, finished";
                            b.startKw = "STARTED";
                        });
        assertThat(send(subject, body, mail(c))).isEqualTo("250 OK");
        assertThat(rig.lastPing(c).kind()).isEqualTo(expected);
        CheckStatus status = rig.fx.reload(c).state().status();
        assertThat(status)
                .isEqualTo(
                        expected == PingKind.FAIL
                                ? CheckStatus.DOWN
                                : expected == PingKind.SUCCESS ? CheckStatus.UP : CheckStatus.NEW);
    }

    @Test
    void subjectFilterIgnoresTheBody() {
        Check c =
                check(
                        b -> {
                            b.filterSubject = true;
                            b.failureKw = "FAIL";
                        });
        send("all fine", "FAIL in body", mail(c));
        assertThat(rig.lastPing(c).kind()).isEqualTo(PingKind.IGN);
    }

    @Test
    void defaultFailMakesAnUnmatchedEmailAFailure() {
        Check c =
                check(
                        b -> {
                            b.filterBody = true;
                            b.successKw = "OK";
                            b.filterDefaultFail = true;
                        });
        send("report", "nothing useful", mail(c));
        assertThat(rig.lastPing(c).kind()).isEqualTo(PingKind.FAIL);
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
    }

    @Test
    void htmlBodyIsSearchedAsText() {
        Check c =
                check(
                        b -> {
                            b.filterBody = true;
                            b.failureKw = "disk full";
                        });
        String html =
                "Content-Type: text/html; charset=utf-8\nSubject: r\n\n<p>Error: <b>disk</b>&nbsp;full</p>\n";
        try (SmtpClient client = rig.session()) {
            client.send("a@b", List.of(mail(c)), html);
        }
        assertThat(rig.lastPing(c).kind()).isEqualTo(PingKind.FAIL);
    }

    @Test
    void keyAndSlugRecipientPingsTheCheckWithThatSlug() {
        Check c = check(b -> b.slug = "nightly-db");
        assertThat(send("s", "b", rig.fx.alicePingKey + "+nightly-db@localhost"))
                .isEqualTo("250 OK");
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void everyRecipientOfOneMessageIsPinged() {
        Check a = check(b -> {});
        Check b2 = check(b -> b.slug = "second");
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(client.command("RCPT TO:<" + mail(a) + ">"), "250");
            assertThat(client.command("RCPT TO:<someone@elsewhere.net>"))
                    .isEqualTo("550 5.1.1 Recipient rejected");
            SmtpClient.expect(
                    client.command("RCPT TO:<" + rig.fx.alicePingKey + "+second@localhost>"),
                    "250");
            SmtpClient.expect(client.command("DATA"), "354");
            assertThat(client.data("Subject: two\n\nbody")).isEqualTo("250 OK");
        }
        assertThat(rig.fx.reload(a).state().nPings()).isEqualTo(1);
        assertThat(rig.fx.reload(b2).state().nPings()).isEqualTo(1);
    }

    @Test
    void recipientsAreCheckedAtRcptTime() {
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            assertThat(client.command("RCPT TO:<" + UUID.randomUUID() + "@example.com>"))
                    .isEqualTo("550 5.1.1 Recipient rejected");
            assertThat(client.command("RCPT TO:<not-a-check@localhost>"))
                    .isEqualTo("550 5.1.1 Invalid mailbox");
            assertThat(client.command("RCPT TO:<" + rig.fx.alicePingKey + "+UPPER@localhost>"))
                    .isEqualTo("550 5.1.1 Invalid mailbox");
            // with no accepted recipient there is nothing to send
            assertThat(client.command("DATA")).startsWith("503");
        }
    }

    @Test
    void unknownCheckIsAnsweredOkAndNothingIsStored() {
        long before = rig.lastPingId();
        assertThat(send("s", "b", UUID.randomUUID() + "@localhost")).isEqualTo("250 OK");
        assertThat(send("s", "b", rig.fx.alicePingKey + "+no-such-slug@localhost"))
                .isEqualTo("250 OK");
        assertThat(rig.lastPingId()).isEqualTo(before);
    }

    @Test
    void nulAndControlCharactersInTheSenderAreStoredAsSpaces() {
        // PostgreSQL text cannot hold a NUL: this sender got 451 on every try
        Check c = check(b -> {});
        try (SmtpClient client = rig.session()) {
            assertThat(
                            client.send(
                                    "a\u0000b\u0001@example.org",
                                    List.of(mail(c)),
                                    "Subject: s\n\nx"))
                    .isEqualTo("250 OK");
        }
        assertThat(rig.lastPing(c).ua()).isEqualTo("Email from a b @example.org");
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    /** 350,000 empty MIME parts (2.4 MB), then a text part saying FAIL. */
    static String bomb() {
        StringBuilder m =
                new StringBuilder(
                        "From: a@example.org\r\nSubject: bomb\r\n"
                                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < 350_000; i++) {
            m.append("--b\r\n\r\n");
        }
        m.append("--b\r\nContent-Type: text/plain\r\n\r\nFAIL\r\n--b--\r\n");
        return m.toString();
    }

    @Test
    void aMimeBombCostsLittleWhateverTheCheck() {
        Check plain = check(b -> {});
        Check filtered =
                check(
                        b -> {
                            b.filterBody = true;
                            b.failureKw = "FAIL";
                            b.successKw = "bomb";
                        });
        String bomb = bomb();
        long before = rig.lastPingId();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10),
                () -> {
                    try (SmtpClient client = rig.session()) {
                        // no such check: dropped without parsing
                        assertThat(
                                        client.send(
                                                "a@b",
                                                List.of(UUID.randomUUID() + "@localhost"),
                                                bomb))
                                .isEqualTo("250 OK");
                        // no filters: recorded without parsing
                        assertThat(client.send("a@b", List.of(mail(plain)), bomb))
                                .isEqualTo("250 OK");
                        // filters: parsed within the part bound, so the FAIL part is not seen
                        assertThat(client.send("a@b", List.of(mail(filtered)), bomb))
                                .isEqualTo("250 OK");
                    }
                });
        assertThat(rig.lastPingId()).isEqualTo(before + 2);
        assertThat(rig.lastPing(plain).kind()).isEqualTo(PingKind.SUCCESS);
        assertThat(rig.lastPing(plain).body()).hasSize(10_000);
        assertThat(rig.lastPing(filtered).kind()).isEqualTo(PingKind.IGN);
        assertThat(rig.listener.bufferedBytes()).isZero();
    }

    @Test
    void bodyIsStoredCutToThePingBodyLimit() {
        Check c = check(b -> {});
        send("big", "x".repeat(30_000), mail(c));
        assertThat(rig.lastPing(c).body()).hasSize(10_000);
    }

    @Test
    void databaseFailureAsksTheSenderToRetryLater() {
        try (SmtpTestRig broken = SmtpTestRig.start(database)) {
            Check c = broken.fx.aliceCheck(b -> {});
            broken.db.database().close();
            try (SmtpClient client = broken.session()) {
                String reply =
                        client.send("a@b", List.of(c.code() + "@localhost"), "Subject: s\n\nbody");
                assertThat(reply).isEqualTo("451 4.3.0 Temporary failure, please try again later");
                // the transaction is over: the client may try again on the same connection
                assertThat(client.command("MAIL FROM:<a@b>")).startsWith("250");
            }
        }
    }
}
