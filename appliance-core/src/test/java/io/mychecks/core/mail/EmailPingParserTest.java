package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.pings.CheckRef;
import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailPingParserTest {
    static final String UUID_1 = "0b6a1bd0-5b2e-4c7e-9a43-1f0d3f7c2a10";
    static final String UUID_2 = "7d3c0e51-2f4a-4b8e-b1c2-9e8f7a6b5c4d";
    static final String KEY = "AbCdEfGhIjKlMnOpQrSt_-";

    final EmailPingParser parser = new EmailPingParser("example.org", OptionalInt.of(10_000));

    static byte[] message(String subject, String body) {
        return ("From: cron@host\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void uuidRecipientNamesTheCheck() {
        EmailRecipient r = parser.recipient(UUID_1 + "@example.org");
        assertThat(r.accepted()).isTrue();
        assertThat(r.ref()).isEqualTo(CheckRef.byCode(UUID.fromString(UUID_1)));
    }

    @Test
    void upperCaseUuidIsAcceptedAndLowerCased() {
        EmailRecipient r = parser.recipient(UUID_1.toUpperCase() + "@example.org");
        assertThat(r.ref().code().toString()).isEqualTo(UUID_1);
    }

    @Test
    void domainIsComparedIgnoringCase() {
        assertThat(parser.recipient(UUID_1 + "@EXAMPLE.Org").accepted()).isTrue();
    }

    @Test
    void keyAndSlugRecipientNamesTheCheckBySlug() {
        EmailRecipient r = parser.recipient(KEY + "+nightly-backup_2@example.org");
        assertThat(r.ref()).isEqualTo(CheckRef.bySlug(KEY, "nightly-backup_2"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                UUID_1 + "@example.com",
                UUID_1 + "@sub.example.org",
                UUID_1,
                UUID_1 + "@",
                "@example.org.evil",
                "",
                "   ",
                UUID_1 + "@example.org@other.net"
            })
    void otherDomainsAreRejected(String address) {
        assertThat(parser.recipient(address))
                .isEqualTo(EmailRecipient.reject("5.1.1 Recipient rejected"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0b6a1bd0-5b2e-1c7e-9a43-1f0d3f7c2a10", // version 1
                "0b6a1bd0-5b2e-4c7e-7a43-1f0d3f7c2a10", // wrong variant
                "0b6a1bd05b2e4c7e9a431f0d3f7c2a10", // no dashes
                "{0b6a1bd0-5b2e-4c7e-9a43-1f0d3f7c2a10}",
                "AbCdEfGhIjKlMnOpQrSt_+slug", // key too short
                "AbCdEfGhIjKlMnOpQrSt_-x+slug", // key too long
                KEY + "+Nightly", // upper-case slug
                KEY + "+",
                KEY,
                KEY + "+slug+more",
                KEY + "+sl ug",
                "postmaster",
                "",
                "\"quoted\""
            })
    void otherLocalPartsAreInvalidMailboxes(String local) {
        assertThat(parser.recipient(local + "@example.org"))
                .isEqualTo(EmailRecipient.reject("5.1.1 Invalid mailbox"));
    }

    @Test
    void eachAcceptedRecipientBecomesOneSuccessPing() {
        byte[] raw = message("Nightly", "done");
        List<PingEvent> events =
                parser.parse(
                        "192.0.2.7",
                        "cron@host",
                        List.of(
                                UUID_1 + "@example.org",
                                "nobody@elsewhere.net",
                                KEY + "+db@example.org",
                                UUID_2.toUpperCase() + "@example.org"),
                        raw);
        assertThat(events)
                .extracting(PingEvent::ref)
                .containsExactly(
                        CheckRef.byCode(UUID.fromString(UUID_1)),
                        CheckRef.bySlug(KEY, "db"),
                        CheckRef.byCode(UUID.fromString(UUID_2)));
        PingEvent e = events.get(0);
        assertThat(e.kind()).isEqualTo(PingKind.SUCCESS);
        assertThat(e.scheme()).isEqualTo("email");
        assertThat(e.method()).isEmpty();
        assertThat(e.ua()).isEqualTo("Email from cron@host");
        assertThat(e.remoteAddr()).isEqualTo("192.0.2.7");
        assertThat(e.rid()).isNull();
        assertThat(e.exitStatus()).isNull();
        assertThat(e.create()).isFalse();
        assertThat(e.rejection()).isNull();
        assertThat(e.body()).isEqualTo(raw);
        assertThat(e.email()).isEqualTo(new PingEvent.EmailContent("Nightly", "done"));
    }

    @Test
    void nullSenderGivesAnEmptyFromInTheUserAgent() {
        List<PingEvent> events =
                parser.parse(
                        "127.0.0.1", "", List.of(UUID_1 + "@example.org"), message("bounce", "x"));
        assertThat(events).singleElement().extracting(PingEvent::ua).isEqualTo("Email from ");
    }

    @Test
    void noAcceptedRecipientGivesNoPing() {
        assertThat(
                        parser.parse(
                                "127.0.0.1",
                                "a@b",
                                List.of("x@y.z", "bad@example.org"),
                                message("s", "b")))
                .isEmpty();
    }

    @Test
    void storedBodyIsCutToTheBodyLimit() {
        byte[] raw = message("big", "x".repeat(500));
        EmailPingParser limited = new EmailPingParser("example.org", OptionalInt.of(100));
        PingEvent e =
                limited.parse("127.0.0.1", "a@b", List.of(UUID_1 + "@example.org"), raw).get(0);
        assertThat(e.body()).hasSize(100).isEqualTo(java.util.Arrays.copyOf(raw, 100));
        // the filters still see the whole message
        assertThat(e.email().text()).hasSize(500);
    }

    @Test
    void noBodyLimitStoresTheWholeMessage() {
        byte[] raw = message("big", "x".repeat(50_000));
        EmailPingParser unlimited = new EmailPingParser("example.org", OptionalInt.empty());
        assertThat(
                        unlimited
                                .parse("127.0.0.1", "a@b", List.of(UUID_1 + "@example.org"), raw)
                                .get(0)
                                .body())
                .isEqualTo(raw);
    }

    @Test
    void encodedSubjectAndHtmlBodyReachTheEvent() {
        byte[] raw =
                ("Subject: =?UTF-8?Q?Job_=C3=A9chou=C3=A9?=\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                                + "<p>exit&nbsp;code <b>1</b></p>\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        PingEvent e =
                parser.parse("127.0.0.1", "a@b", List.of(UUID_1 + "@example.org"), raw).get(0);
        assertThat(e.email()).isEqualTo(new PingEvent.EmailContent("Job échoué", "exit code 1"));
    }

    @Test
    void theContentIsReadOnlyWhenAskedForAndOnce() {
        java.util.concurrent.atomic.AtomicInteger reads =
                new java.util.concurrent.atomic.AtomicInteger();
        PingEvent.EmailContent c =
                PingEvent.EmailContent.lazy(
                        () -> {
                            reads.incrementAndGet();
                            return new PingEvent.EmailContent("s", "t");
                        });
        assertThat(reads).hasValue(0);
        assertThat(c.subject()).isEqualTo("s");
        assertThat(c.text()).isEqualTo("t");
        c.read();
        assertThat(reads).hasValue(1);
    }
}
