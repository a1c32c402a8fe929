package io.mychecks.http.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.notify.SentNotification;
import io.mychecks.core.notify.email.BounceAddress;
import io.mychecks.http.testing.NotificationRows;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/vN/bounces/}: delivery status notifications of alert emails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BouncesTest {
    static final String TEMPLATE = "bounces+%s@example.org";
    TestApp t;
    BounceAddress addresses;
    NotificationRows rows;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of("EMAIL_MAIL_FROM_TMPL", TEMPLATE));
        rows = new NotificationRows(t);
        addresses = new BounceAddress(TEMPLATE, t.app.settings().secretKey(), t.clock);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Channel channel() {
        return rows.channel("email", "{\"value\": \"bob@example.org\"}");
    }

    SentNotification notification(Channel ch) {
        return rows.notification(ch, Duration.ZERO);
    }

    SentNotification reload(SentNotification n) {
        return rows.reload(n);
    }

    Channel reload(Channel ch) {
        return rows.reload(ch);
    }

    /** A bounce as mail servers write it: multipart/report with a delivery-status part. */
    static String dsn(String to, String status, String diagnostic) {
        return "From: MAILER-DAEMON@mx.example.org\r\n"
                + "To: "
                + to
                + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status;"
                + " boundary=\"B0UND\"\r\n"
                + "\r\n"
                + "--B0UND\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "I'm sorry to have to inform you that your message could not be delivered.\r\n"
                + "--B0UND\r\n"
                + "Content-Type: message/delivery-status\r\n"
                + "\r\n"
                + "Reporting-MTA: dns; mx.example.org\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; bob@example.org\r\n"
                + "Action: failed\r\n"
                + "Status: "
                + status
                + "\r\n"
                + (diagnostic == null ? "" : "Diagnostic-Code: smtp; " + diagnostic + "\r\n")
                + "--B0UND--\r\n";
    }

    Resp post(String body) {
        return t.request(
                "POST",
                "/api/v3/bounces/",
                body.getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "message/rfc822");
    }

    String to(SentNotification n) {
        return addresses.envelopeSender(n.code()).orElseThrow();
    }

    @Test
    void aPermanentBounceRecordsTheErrorAndDisablesTheChannel() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        Resp r = post(dsn(to(n), "5.1.1", "550 5.1.1 <bob@example.org>: User unknown"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        String error = "Delivery failed (550 5.1.1 <bob@example.org>: User unknown)";
        assertThat(reload(n).error()).isEqualTo(error);
        assertThat(reload(ch).lastError()).isEqualTo(error);
        assertThat(reload(ch).disabled()).isTrue();
    }

    @Test
    void aTemporaryBounceOnlyRecordsTheError() {
        for (String status : new String[] {"4.2.2", "5.4.4"}) {
            Channel ch = channel();
            SentNotification n = notification(ch);
            assertThat(post(dsn(to(n), status, "452 mailbox full")).body()).isEqualTo("OK");
            assertThat(reload(n).error()).isEqualTo("Delivery failed (452 mailbox full)");
            assertThat(reload(ch).disabled()).as(status).isFalse();
        }
    }

    @Test
    void withoutADiagnosticTheStatusIsTheReason() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        assertThat(post(dsn(to(n), "5.7.1", null)).body()).isEqualTo("OK");
        assertThat(reload(n).error()).isEqualTo("Delivery failed (5.7.1)");
    }

    @Test
    void aReportOfSuccessOrAPlainMessageIsIgnored() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        assertThat(post(dsn(to(n), "2.0.0", "250 delivered")).body()).isEqualTo("OK (ignored)");
        assertThat(post("To: " + to(n) + "\r\nSubject: hi\r\n\r\nhello\r\n").body())
                .isEqualTo("OK (ignored)");
        assertThat(reload(n).error()).isEmpty();
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void aTamperedForeignOrExpiredAddressIsABadSignature() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        String good = to(n);
        int at = good.indexOf('@');
        char last = good.charAt(at - 1);
        String tampered =
                good.substring(0, at - 1) + (last == '0' ? '1' : '0') + good.substring(at);
        assertThat(post(dsn(tampered, "5.1.1", "550 no")).body()).isEqualTo("OK (bad signature)");
        assertThat(post(dsn("someone@example.org", "5.1.1", "550 no")).body())
                .isEqualTo("OK (bad signature)");
        BounceAddress otherKey = new BounceAddress(TEMPLATE, "another secret", t.clock);
        assertThat(post(dsn(otherKey.envelopeSender(n.code()).orElseThrow(), "5.1.1", "x")).body())
                .isEqualTo("OK (bad signature)");
        t.clock.advance(Duration.ofHours(49));
        try {
            assertThat(post(dsn(good, "5.1.1", "550 no")).body()).isEqualTo("OK (bad signature)");
        } finally {
            t.clock.advance(Duration.ofHours(-49));
        }
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void aSignedAddressOfAnUnknownNotificationIsNotFound() {
        String to = addresses.envelopeSender(UUID.randomUUID()).orElseThrow();
        assertThat(post(dsn(to, "5.1.1", "550 no")).body())
                .isEqualTo("OK (notification not found)");
    }

    @Test
    void aFoldedOverlongDiagnosticIsJoinedAndCutTo200Characters() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        String folded = "550 5.1.1 first line\r\n    second " + "x".repeat(300);
        assertThat(post(dsn(to(n), "5.1.1", folded)).body()).isEqualTo("OK");
        String error = reload(n).error();
        assertThat(error).startsWith("Delivery failed (550 5.1.1 first line second xxx");
        assertThat(error).hasSize(200);
        assertThat(reload(ch).lastError()).isEqualTo(error);
    }

    @Test
    void aDiagnosticFoldedOverThousandsOfLinesIsReadWithoutOverflowingTheStack() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        StringBuilder folded = new StringBuilder("550 5.1.1 start");
        for (int i = 0; i < 1_500; i++) {
            folded.append("\r\n continued ").append(i);
        }
        Resp r = post(dsn(to(n), "5.1.1", folded.toString()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
        assertThat(reload(n).error())
                .startsWith("Delivery failed (550 5.1.1 start continued 0 continued 1 ");
        assertThat(reload(ch).disabled()).isTrue();
    }

    /** A signed bounce whose body holds 350,000 empty MIME parts before its report. */
    static String bomb(String to) {
        StringBuilder m =
                new StringBuilder(
                        "To: "
                                + to
                                + "\r\nMIME-Version: 1.0\r\n"
                                + "Content-Type: multipart/report; boundary=b\r\n\r\n");
        for (int i = 0; i < 350_000; i++) {
            m.append("--b\r\n\r\n");
        }
        m.append("--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n");
        m.append("--b--\r\n");
        return m.toString();
    }

    @Test
    void aMimeBombIsAnsweredQuicklyWhetherSignedOrNot() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        String unsigned = bomb("someone@example.org");
        String signed = bomb(to(n));
        assertThat(signed.length()).isGreaterThan(2_400_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> {
                    assertThat(post(unsigned).body()).isEqualTo("OK (bad signature)");
                    // the report lies past the part bound: it is not read
                    assertThat(post(signed).body()).isEqualTo("OK (ignored)");
                });
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void aTokenSignedInTheFutureIsABadSignature() {
        Channel ch = channel();
        SentNotification n = notification(ch);
        BounceAddress ahead =
                new BounceAddress(
                        TEMPLATE,
                        t.app.settings().secretKey(),
                        java.time.Clock.offset(t.clock, Duration.ofHours(2)));
        String to = ahead.envelopeSender(n.code()).orElseThrow();
        assertThat(post(dsn(to, "5.1.1", "550 no")).body()).isEqualTo("OK (bad signature)");
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void garbageGetsAnAnswerNotAnError() {
        assertThat(post("").status()).isEqualTo(200);
        assertThat(post("").body()).isEqualTo("OK (bad signature)");
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        Resp r = t.request("POST", "/api/v3/bounces/", noise);
        assertThat(r.status()).isEqualTo(200);
        assertThat(t.get("/api/v1/bounces/").body()).isEqualTo("OK (bad signature)");
        assertThat(t.get("/api/v9/bounces/").status()).isEqualTo(404);
        Resp huge = t.request("POST", "/api/v3/bounces/", new byte[3_000_000]);
        assertThat(huge.status()).isEqualTo(413);
    }
}
