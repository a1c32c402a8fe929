package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.SmtpSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailSenderTest {
    final SmtpSink sink = new SmtpSink();

    @AfterEach
    void stop() {
        sink.close();
    }

    MailSender sender(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(sink.settings());
        values.putAll(extra);
        return MailSender.fromSettings(Settings.of(values));
    }

    static OutgoingMail mail(String to) {
        return new OutgoingMail(
                to, "Hello ünïcode", "plain body", "<p>html body</p>", Map.of("X-Test", "yes"));
    }

    @Test
    void sendsMultipartTextAndHtmlWithHeaders() throws Exception {
        sender(Map.of()).send(mail("bob@example.org"));

        SmtpSink.Received m = sink.single();
        assertThat(m.recipients()).containsExactly("bob@example.org");
        assertThat(m.from()).isEqualTo("alerts@mychecks.test");
        assertThat(m.subject()).isEqualTo("Hello ünïcode");
        assertThat(m.text()).contains("plain body");
        assertThat(m.html()).contains("<p>html body</p>");
        assertThat(m.header("X-Test")).isEqualTo("yes");
        assertThat(m.header("From")).contains("alerts@mychecks.test");
        assertThat(m.header("Message-ID")).endsWith("@mychecks.test>");
    }

    @Test
    void emptyEmailHostIsNotConfigured() {
        MailSender s = sender(Map.of("EMAIL_HOST", ""));
        assertThat(s.configured()).isFalse();
        assertThatThrownBy(() -> s.send(mail("bob@example.org")))
                .isInstanceOfSatisfying(
                        MailFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(MailFailure.Kind.NOT_CONFIGURED))
                .hasMessageContaining("not configured");
    }

    @Test
    void refusedRecipientIsRejected() {
        sink.refuse("gone@example.org", 550, "5.1.1 no such user");
        assertThatThrownBy(() -> sender(Map.of()).send(mail("gone@example.org")))
                .isInstanceOfSatisfying(
                        MailFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(MailFailure.Kind.REJECTED))
                .hasMessageContaining("550");
    }

    @Test
    void temporaryRefusalIsTransient() {
        sink.refuse("busy@example.org", 450, "4.2.1 try again later");
        assertThatThrownBy(() -> sender(Map.of()).send(mail("busy@example.org")))
                .isInstanceOfSatisfying(
                        MailFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(MailFailure.Kind.TRANSIENT))
                .hasMessageContaining("450");
    }

    @Test
    void unreachableServerIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        MailSender s = sender(Map.of("EMAIL_PORT", String.valueOf(closedPort)));
        assertThatThrownBy(() -> s.send(mail("bob@example.org")))
                .isInstanceOfSatisfying(
                        MailFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(MailFailure.Kind.TRANSIENT));
    }

    @Test
    void silentServerTimesOutWithinTheBound() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MailConfig c =
                    MailConfig.from(
                            Settings.of(
                                    Map.of(
                                            "EMAIL_HOST",
                                            "127.0.0.1",
                                            "EMAIL_PORT",
                                            String.valueOf(silent.getLocalPort()),
                                            "EMAIL_USE_TLS",
                                            "False")));
            MailSender s = new MailSender(c.withTimeout(Duration.ofMillis(300)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.send(mail("bob@example.org")))
                    .isInstanceOfSatisfying(
                            MailFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(MailFailure.Kind.TRANSIENT));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void startTlsIsRequiredWhenEmailUseTlsIsTrue() {
        // the sink offers no STARTTLS: with EMAIL_USE_TLS=True nothing may go out in clear text
        MailSender s = sender(Map.of("EMAIL_USE_TLS", "True"));
        assertThatThrownBy(() -> s.send(mail("bob@example.org"))).isInstanceOf(MailFailure.class);
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void plainSmtpNeverTriesStartTls() {
        // EMAIL_USE_TLS=False means plain SMTP, even when the server offers STARTTLS
        try (SmtpSink offering = new SmtpSink(true)) {
            Map<String, String> values = new HashMap<>(offering.settings());
            MailSender s = MailSender.fromSettings(Settings.of(values));
            assertThatCode(() -> s.send(mail("bob@example.org"))).doesNotThrowAnyException();
            assertThat(offering.single().subject()).isEqualTo("Hello ünïcode");
        }
    }

    @Test
    void configToStringHidesThePassword() {
        MailConfig c =
                MailConfig.from(
                        Settings.of(
                                Map.of(
                                        "EMAIL_HOST",
                                        "smtp.example.org",
                                        "EMAIL_HOST_PASSWORD",
                                        "hunter2")));
        assertThat(c.toString()).doesNotContain("hunter2");
    }
}
