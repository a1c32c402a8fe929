package io.mychecks.core.notify.email;

import static io.mychecks.core.testing.SampleAlerts.alert;
import static io.mychecks.core.testing.SampleAlerts.channel;
import static io.mychecks.core.testing.SampleAlerts.check;
import static io.mychecks.core.testing.SampleAlerts.ping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Delivery.Result;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.SmtpSink;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmailNotifierTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final SmtpSink sink = new SmtpSink();

    @AfterEach
    void stop() {
        sink.close();
    }

    EmailNotifier notifier(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(sink.settings());
        values.put("SITE_ROOT", "https://checks.example.org");
        values.putAll(extra);
        Settings settings = Settings.of(values);
        BounceAddress bounces =
                new BounceAddress(
                        settings.get("EMAIL_MAIL_FROM_TMPL"),
                        "test-secret",
                        java.time.Clock.systemUTC());
        return new EmailNotifier(MailSender.fromSettings(settings), settings, bounces);
    }

    static ObjectNode config(String address, boolean up, boolean down) {
        return MAPPER.createObjectNode().put("value", address).put("up", up).put("down", down);
    }

    Delivery deliver(
            EmailNotifier n, Check check, CheckStatus status, Ping last, boolean verified) {
        ObjectNode c = config("bob@example.org", true, true);
        return n.deliver(alert(channel("email", c.toString(), verified), check, status, last), c);
    }

    @Test
    void downAlertArrivesWithSubjectTextAndHtml() {
        Delivery d =
                deliver(
                        notifier(Map.of()),
                        check(b -> {}),
                        CheckStatus.DOWN,
                        ping(PingKind.SUCCESS, "all fine", 0),
                        true);

        assertThat(d).isEqualTo(Delivery.ok());
        SmtpSink.Received m = sink.single();
        assertThat(m.recipients()).containsExactly("bob@example.org");
        assertThat(m.subject()).isEqualTo("DOWN | backup");
        String url =
                "https://checks.example.org/cloaked/"
                        + Check.uniqueKey(io.mychecks.core.testing.SampleAlerts.CHECK_CODE)
                        + "/";
        assertThat(m.text())
                .contains(
                        "The check \"backup\" is now DOWN.",
                        "Why: no success ping arrived in time",
                        url,
                        "Project: Alices Project",
                        "Tags: prod db",
                        "Period: 1 day",
                        "Grace time: 1 hour",
                        "Total pings: 12",
                        "Last ping: success, 2026-03-01 09:59:00 UTC, exit status 0, from 192.0.2.7 over HTTP POST",
                        "Status changed at: 2026-03-01 10:00:00 UTC",
                        "Last ping body:\nall fine");
        assertThat(m.html())
                .contains(
                        "href=\"" + url + "\"",
                        "<td>Alices Project</td>",
                        "<td>prod db</td>",
                        "all fine");
        assertThat(m.header("Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void bouncesGoToTheSignedAddressOfTheNotificationWhenATemplateIsSet() {
        EmailNotifier n = notifier(Map.of("EMAIL_MAIL_FROM_TMPL", "bounces+%s@example.org"));
        ObjectNode c = config("bob@example.org", true, true);
        var alert =
                alert(channel("email", c.toString(), true), check(b -> {}), CheckStatus.DOWN, null);
        assertThat(n.deliver(alert, c)).isEqualTo(Delivery.ok());
        String envelope = sink.single().from();
        assertThat(envelope)
                .matches("bounces\\+n[0-9a-f]{32}\\.[0-9a-z]+\\.[0-9a-f]{12}@example\\.org");
        assertThat(envelope.substring(0, envelope.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        BounceAddress verifier =
                new BounceAddress(
                        "bounces+%s@example.org", "test-secret", java.time.Clock.systemUTC());
        assertThat(verifier.verify(envelope)).contains(alert.notificationCode());
    }

    @Test
    void withoutATemplateBouncesGoToTheFromAddress() {
        deliver(notifier(Map.of()), check(b -> {}), CheckStatus.DOWN, null, true);
        assertThat(sink.single().from()).doesNotContain("bounces");
    }

    @Test
    void upAlertTellsTheDowntimeAndNoReason() {
        deliver(notifier(Map.of()), check(b -> {}), CheckStatus.UP, null, true);
        SmtpSink.Received m = sink.single();
        assertThat(m.subject()).isEqualTo("UP | backup");
        assertThat(m.text())
                .contains("is now UP.", "It was down for 2 hours 5 minutes.", "Last ping: never")
                .doesNotContain("Why:");
    }

    @Test
    void scheduleAndTimeZoneReplaceThePeriodForCronChecks() {
        deliver(
                notifier(Map.of()),
                check(
                        b -> {
                            b.kind = "cron";
                            b.schedule = "0 3 * * *";
                            b.tz = "Europe/Riga";
                        }),
                CheckStatus.DOWN,
                null,
                true);
        assertThat(sink.single().text())
                .contains("Schedule: 0 3 * * *", "Time zone: Europe/Riga")
                .doesNotContain("Period:");
    }

    @Test
    void theVerificationEmailIsRenderedFromItsTemplates() throws Exception {
        EmailNotifier n = notifier(Map.of("SITE_NAME", "Checks & <Co>"));
        EmailVerification v = (EmailVerification) n.verification().orElseThrow();
        java.util.UUID code = java.util.UUID.randomUUID();
        v.sendLink(code, "bob@example.org");
        SmtpSink.Received m = sink.single();
        assertThat(m.recipients()).containsExactly("bob@example.org");
        assertThat(m.subject()).isEqualTo("Confirm your email address on Checks & <Co>");
        assertThat(m.text())
                .startsWith(
                        "Hello,\n\nThis address was added to receive alerts from Checks & <Co>.")
                .contains("\n\n" + v.link(code) + "\n\n")
                .endsWith("\n-- \nChecks & <Co>\n");
        assertThat(m.html())
                .contains(
                        "receive alerts from Checks &amp; &lt;Co&gt;.",
                        "<a href=\"" + v.link(code) + "\">Confirm this email address</a>")
                .doesNotContain("<Co>");
        assertThat(m.header("Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void nameAndBodyAreEscapedInTheHtml() {
        Check evil = check(b -> b.name = "<script>alert(\"x\")</script> & co");
        deliver(
                notifier(Map.of()),
                evil,
                CheckStatus.DOWN,
                ping(PingKind.FAIL, "<b>bold</b>", 1),
                true);
        SmtpSink.Received m = sink.single();
        assertThat(m.subject()).isEqualTo("DOWN | <script>alert(\"x\")</script> & co");
        assertThat(m.html())
                .contains(
                        // quotes need no escaping in element content (jte escapes them in
                        // attribute values)
                        "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; co",
                        "&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>", "<b>bold");
        assertThat(m.text()).contains("<script>alert(\"x\")</script> & co");
    }

    @Test
    void nameWithLineBreaksIsSentWithAOneLineSubjectAndNoExtraHeader() {
        Check evil = check(b -> b.name = "a\r\nBcc: x@y\u0085z\u0000!");
        Delivery d = deliver(notifier(Map.of()), evil, CheckStatus.DOWN, null, true);

        assertThat(d).isEqualTo(Delivery.ok());
        SmtpSink.Received m = sink.single();
        assertThat(m.recipients()).containsExactly("bob@example.org");
        assertThat(m.subject()).isEqualTo("DOWN | a  Bcc: x@y z !");
        assertThat(m.header("Bcc")).isNull();
        String raw = new String(m.raw(), java.nio.charset.StandardCharsets.UTF_8);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertThat(headers).doesNotContainIgnoringCase("\nBcc:");
    }

    @Test
    void unnamedCheckIsNamedByItsUuid() {
        deliver(notifier(Map.of()), check(b -> b.name = ""), CheckStatus.DOWN, null, true);
        assertThat(sink.single().subject())
                .isEqualTo("DOWN | " + io.mychecks.core.testing.SampleAlerts.CHECK_CODE);
    }

    @Test
    void onlyTheLast10000CharactersOfTheBodyAreIncluded() {
        String body = "HEAD" + "x".repeat(10_000) + "TAIL";
        deliver(
                notifier(Map.of()),
                check(b -> {}),
                CheckStatus.DOWN,
                ping(PingKind.FAIL, body, 1),
                true);
        String text = sink.single().text();
        assertThat(text)
                .contains("TAIL")
                .doesNotContain("HEAD")
                .contains("x".repeat(9_996) + "TAIL");
    }

    @Test
    void unverifiedAddressGetsNothing() {
        Delivery d = deliver(notifier(Map.of()), check(b -> {}), CheckStatus.DOWN, null, false);
        assertThat(d).isEqualTo(Delivery.failed("Email not verified"));
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void wantsHonoursUpAndDown() {
        EmailNotifier n = notifier(Map.of());
        var ch = channel("email", "{}", true);
        assertThat(n.wants(ch, config("a@b.org", true, false), CheckStatus.UP)).isTrue();
        assertThat(n.wants(ch, config("a@b.org", true, false), CheckStatus.DOWN)).isFalse();
        assertThat(n.wants(ch, config("a@b.org", false, true), CheckStatus.UP)).isFalse();
        assertThat(n.wants(ch, config("a@b.org", false, true), CheckStatus.DOWN)).isTrue();
    }

    @Test
    void unreachableSmtpServerIsRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Delivery d =
                deliver(
                        notifier(Map.of("EMAIL_PORT", String.valueOf(port))),
                        check(b -> {}),
                        CheckStatus.DOWN,
                        null,
                        true);
        assertThat(d.result()).isEqualTo(Result.RETRY);
        assertThat(d.error()).contains("SMTP");
    }

    @Test
    void temporarySmtpRefusalIsRetried() {
        sink.refuse("bob@example.org", 451, "4.3.0 try later");
        Delivery d = deliver(notifier(Map.of()), check(b -> {}), CheckStatus.DOWN, null, true);
        assertThat(d.result()).isEqualTo(Result.RETRY);
        assertThat(d.error()).contains("451");
    }

    @Test
    void rejectedRecipientFails() {
        sink.refuse("bob@example.org", 550, "5.1.1 mailbox unavailable");
        Delivery d = deliver(notifier(Map.of()), check(b -> {}), CheckStatus.DOWN, null, true);
        assertThat(d.result()).isEqualTo(Result.FAILED);
        assertThat(d.error()).contains("550");
    }

    @Test
    void missingEmailHostFailsClearly() {
        Delivery d =
                deliver(
                        notifier(Map.of("EMAIL_HOST", "")),
                        check(b -> {}),
                        CheckStatus.DOWN,
                        null,
                        true);
        assertThat(d.result()).isEqualTo(Result.FAILED);
        assertThat(d.error()).contains("not configured");
    }
}
