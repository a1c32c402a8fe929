package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/** A real mail client (Simple Java Mail, as an MTA would) talking to the listener. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpMailerTest {
    SmtpTestRig rig;
    Mailer mailer;

    @BeforeAll
    void start() {
        // a domain with a dot, as a mail client's address check wants
        rig =
                SmtpTestRig.start(
                        TestDatabases.postgresSelected() ? "postgres" : "sqlite",
                        SmtpListener.Limits.defaults(),
                        Map.of("PING_EMAIL_DOMAIN", "Ping.Example.org"));
        mailer =
                MailerBuilder.withSMTPServer("127.0.0.1", rig.listener.port())
                        .withTransportStrategy(TransportStrategy.SMTP)
                        .withSessionTimeout(20_000)
                        .buildMailer();
    }

    @AfterAll
    void stop() throws Exception {
        mailer.close();
        rig.close();
    }

    @Test
    void multipartMailWithEncodedSubjectIsClassifiedByItsHtmlPart() {
        Check c =
                rig.fx.aliceCheck(
                        b -> {
                            b.filterSubject = true;
                            b.filterBody = true;
                            b.failureKw = "Échec, disk full";
                            b.successKw = "all good";
                        });
        Email email =
                EmailBuilder.startingBlank()
                        .from("Backup robot", "robot@example.org")
                        .to(c.code() + "@ping.example.org")
                        .withSubject("Sauvegarde nocturne: résultat")
                        .withPlainText("see the HTML part")
                        .withHTMLText(
                                "<html><body><p>Status: <b>disk</b>&nbsp;full</p></body></html>")
                        .buildEmail();
        mailer.sendMail(email).join();
        Ping p = rig.lastPing(c);
        assertThat(p.kind()).isEqualTo(PingKind.FAIL);
        assertThat(p.ua()).isEqualTo("Email from robot@example.org");
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).contains("Subject: =?UTF-8?");
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.DOWN);
    }

    @Test
    void mailToSeveralChecksPingsEachOfThem() {
        Check a = rig.fx.aliceCheck(b -> {});
        Check b2 = rig.fx.aliceCheck(b -> b.slug = "mailer-slug");
        Email email =
                EmailBuilder.startingBlank()
                        .from("robot@example.org")
                        .to(a.code() + "@ping.example.org")
                        .cc(rig.fx.alicePingKey + "+mailer-slug@ping.example.org")
                        .withSubject("done")
                        .withPlainText("all good")
                        .buildEmail();
        mailer.sendMail(email).join();
        assertThat(rig.fx.reload(a).state().status()).isEqualTo(CheckStatus.UP);
        assertThat(rig.fx.reload(b2).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void mailToAForeignDomainIsRefused() {
        Email email =
                EmailBuilder.startingBlank()
                        .from("robot@example.org")
                        .to("someone@example.com")
                        .withSubject("s")
                        .withPlainText("b")
                        .buildEmail();
        assertThatThrownBy(() -> mailer.sendMail(email).join())
                .hasStackTraceContaining("550 5.1.1 Recipient rejected");
    }
}
