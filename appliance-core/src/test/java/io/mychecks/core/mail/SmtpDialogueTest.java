package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Garbage and hostile SMTP dialogues get SMTP errors, and after each one the listener still records
 * a normal email ping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpDialogueTest {
    static final SmtpListener.Limits LIMITS =
            new SmtpListener.Limits(64 * 1024, 5, 3, Duration.ofSeconds(1));
    SmtpTestRig rig;

    @BeforeAll
    void start() {
        rig =
                SmtpTestRig.start(
                        TestDatabases.postgresSelected() ? "postgres" : "sqlite", LIMITS, Map.of());
    }

    @AfterAll
    void stop() {
        rig.close();
    }

    /** Every test ends by proving that the listener still serves. */
    @AfterEach
    void listenerStillRecordsPings() {
        Check c = rig.fx.aliceCheck(b -> {});
        try (SmtpClient client = rig.session()) {
            assertThat(
                            client.send(
                                    "a@b",
                                    List.of(c.code() + "@localhost"),
                                    "Subject: still here\n\nok"))
                    .isEqualTo("250 OK");
        }
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void commandsOutOfOrderAreRefusedWith503() {
        try (SmtpClient c = rig.connect()) {
            assertThat(c.command("HELO x")).startsWith("250");
            assertThat(c.command("DATA")).startsWith("503");
            assertThat(c.command("RCPT TO:<x@localhost>")).startsWith("503");
            assertThat(c.command("MAIL FROM:<a@b>")).startsWith("250");
            assertThat(c.command("MAIL FROM:<a@b>")).startsWith("503");
            assertThat(c.command("DATA")).startsWith("503");
            assertThat(c.command("RSET")).startsWith("250");
            assertThat(c.command("NOOP")).startsWith("250");
            assertThat(c.command("QUIT")).startsWith("221");
        }
    }

    @Test
    void unknownCommandsGet500AndBadSyntax501() {
        try (SmtpClient c = rig.connect()) {
            assertThat(c.command("EHLO x"))
                    .startsWith("250")
                    .doesNotContain("STARTTLS")
                    .doesNotContain("AUTH");
            assertThat(c.command("FOO bar")).startsWith("500");
            assertThat(c.command("GET / HTTP/1.1")).startsWith("500");
            assertThat(c.command("MAIL TO:<a@b>")).startsWith("501");
            assertThat(c.command("MAIL FROM:<a@b>")).startsWith("250");
            assertThat(c.command("RCPT FROM:<a@b>")).startsWith("501");
            assertThat(c.command("AUTH PLAIN AGFAYg==")).matches("(?s)5\\d\\d.*");
            assertThat(c.command("STARTTLS")).startsWith("454");
        }
    }

    @Test
    void aSizeBeyondAnyIntegerEndsOnlyThatSession() {
        for (int i = 0; i < 3; i++) {
            try (SmtpClient c = rig.connect()) {
                assertThat(c.command("EHLO x")).startsWith("250");
                assertThat(c.command("MAIL FROM:<a@b> SIZE=2147483648"))
                        .matches("(?s)[45]\\d\\d.*");
            }
        }
    }

    @Test
    void overlongLineIsRefusedAndTheSessionClosed() {
        try (SmtpClient c = rig.connect()) {
            assertThat(c.command("HELO " + "x".repeat(5000))).startsWith("501");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void randomBytesGetAnErrorReply() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        try (SmtpClient c = rig.connect()) {
            c.write(junk);
            c.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = c.reply();
            assertThat(reply).matches("(?s)[45]\\d\\d.*");
        }
    }

    @Test
    void disconnectInTheMiddleOfDataRecordsNothing() {
        Check c = rig.fx.aliceCheck(b -> {});
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(client.command("RCPT TO:<" + c.code() + "@localhost>"), "250");
            SmtpClient.expect(client.command("DATA"), "354");
            client.write(
                    "Subject: cut short\r\n\r\nhalf a mess".getBytes(StandardCharsets.US_ASCII));
        }
        // the next session is served after the broken one, and the broken one left no ping
        listenerStillRecordsPings();
        assertThat(rig.fx.reload(c).state().nPings()).isZero();
    }

    @Test
    void oversizedMessageIsRefusedWith552AndTheSessionGoesOn() {
        Check c = rig.fx.aliceCheck(b -> {});
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(client.command("RCPT TO:<" + c.code() + "@localhost>"), "250");
            SmtpClient.expect(client.command("DATA"), "354");
            String big = "Subject: big\n\n" + ("y".repeat(99) + "\n").repeat(1000);
            assertThat(client.data(big)).isEqualTo("552 5.3.4 Message size exceeds fixed limit");
            assertThat(client.send("a@b", List.of(c.code() + "@localhost"), "Subject: small\n\nok"))
                    .isEqualTo("250 OK");
        }
        assertThat(rig.fx.reload(c).state().nPings()).isEqualTo(1);
    }

    @Test
    void chunkedMessageSentWithBdatIsAPing() {
        Check c = rig.fx.aliceCheck(b -> {});
        byte[] message =
                "Subject: chunked\r\n\r\nsent with BDAT\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(client.command("RCPT TO:<" + c.code() + "@localhost>"), "250");
            client.write(
                    ("BDAT " + message.length + " LAST\r\n").getBytes(StandardCharsets.US_ASCII));
            client.write(message);
            assertThat(client.reply()).isEqualTo("250 OK");
        }
        assertThat(rig.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void clientFloodingFarBeyondTheLimitIsCutOff() {
        Check c = rig.fx.aliceCheck(b -> {});
        try (SmtpClient client = rig.session()) {
            SmtpClient.expect(client.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(client.command("RCPT TO:<" + c.code() + "@localhost>"), "250");
            SmtpClient.expect(client.command("DATA"), "354");
            byte[] line = ("z".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 10 * LIMITS.maxMessageBytes() / line.length; i++) {
                    client.write(line);
                }
            } catch (java.io.UncheckedIOException expected) {
                // the server hung up while we were still sending
            }
            String reply = client.reply();
            assertThat(reply == null || reply.startsWith("552")).as("reply %s", reply).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(rig.fx.reload(c).state().nPings()).isZero();
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedAtMailFrom() {
        try (SmtpClient c = rig.session()) {
            assertThat(c.command("MAIL FROM:<a@b> SIZE=999999999")).startsWith("552");
        }
    }

    @Test
    void tooManyRecipientsAreRefused() {
        try (SmtpClient c = rig.session()) {
            SmtpClient.expect(c.command("MAIL FROM:<a@b>"), "250");
            for (int i = 0; i < LIMITS.maxRecipients(); i++) {
                SmtpClient.expect(
                        c.command("RCPT TO:<" + java.util.UUID.randomUUID() + "@localhost>"),
                        "250");
            }
            assertThat(c.command("RCPT TO:<" + java.util.UUID.randomUUID() + "@localhost>"))
                    .startsWith("452");
        }
    }

    @Test
    void connectionsOverTheLimitAreTurnedAway() {
        List<SmtpClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < LIMITS.maxConnections(); i++) {
                open.add(rig.connect());
            }
            try (SmtpClient extra = rig.connect()) {
                assertThat(extra.greeting).startsWith("421");
            }
        } finally {
            open.forEach(SmtpClient::close);
        }
    }

    @Test
    void messagesHeldAtOnceStayWithinTheBufferBound() {
        SmtpListener.Limits limits =
                new SmtpListener.Limits(64 * 1024, 5, 3, Duration.ofSeconds(30), 100 * 1024);
        try (SmtpTestRig small =
                        SmtpTestRig.start(
                                TestDatabases.postgresSelected() ? "postgres" : "sqlite",
                                limits,
                                Map.of());
                SmtpClient slow = small.session();
                SmtpClient other = small.session()) {
            Check c = small.fx.aliceCheck(b -> {});
            String to = c.code() + "@localhost";
            String line = "z".repeat(99) + "\r\n";
            SmtpClient.expect(slow.command("MAIL FROM:<a@b>"), "250");
            SmtpClient.expect(slow.command("RCPT TO:<" + to + ">"), "250");
            SmtpClient.expect(slow.command("DATA"), "354");
            slow.write(
                    ("Subject: slow\r\n\r\n" + line.repeat(600))
                            .getBytes(StandardCharsets.US_ASCII));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> small.listener.bufferedBytes() >= 40_000);

            // (the session reads in 16 KB chunks) 60 KB more would pass the 100 KB bound: try later
            String message = "Subject: other\n\n" + ("z".repeat(99) + "\n").repeat(600);
            assertThat(other.send("a@b", List.of(to), message))
                    .isEqualTo("452 4.3.1 Insufficient system storage, please try again later");

            slow.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(slow.reply()).isEqualTo("250 OK");
            assertThat(other.send("a@b", List.of(to), message)).isEqualTo("250 OK");
            assertThat(small.listener.bufferedBytes()).isZero();
            assertThat(small.fx.reload(c).state().nPings()).isEqualTo(2);
        }
    }

    @Test
    void silentClientIsTimedOut() {
        try (SmtpClient c = rig.connect()) {
            assertThat(c.reply()).startsWith("421");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
