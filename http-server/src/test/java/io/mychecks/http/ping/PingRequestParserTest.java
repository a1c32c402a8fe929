package io.mychecks.http.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.pings.CheckRef;
import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.pings.PingResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ping URLs as spec §3.1 and §3.3 read them, parsed without a server. */
class PingRequestParserTest {
    static final String UUID_TEXT = "5b7b5e3a-9f3c-4d5e-8a1b-2c3d4e5f6a7b";
    static final CheckRef BY_CODE = CheckRef.byCode(UUID.fromString(UUID_TEXT));
    static final String KEY = "abcdefghijklmnopqrstuv";
    static final byte[] BODY = "hello".getBytes(StandardCharsets.UTF_8);

    static PingRequestParser.Context ctx(String rid, boolean create) {
        return new PingRequestParser.Context(
                "POST", rid, create, "192.0.2.7", "https", "curl/8", BODY);
    }

    static PingRequest parse(String path) {
        return PingRequestParser.parse(path, ctx(null, false));
    }

    static PingEvent event(String path) {
        PingRequest r = parse(path);
        assertThat(r.isAnswer()).as("%s is a ping", path).isFalse();
        return r.event();
    }

    static void assertAnswer(PingRequest r, int status, String body) {
        assertThat(r.isAnswer()).isTrue();
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
    }

    @Nested
    class UuidUrls {
        @ParameterizedTest(name = "/ping/<uuid>{0}: {1}")
        @CsvSource({"'', SUCCESS", "/, SUCCESS", "/start, START", "/fail, FAIL", "/log, LOG"})
        void theActionComesFromTheLastSegment(String suffix, PingKind kind) {
            PingEvent e = event(UUID_TEXT + suffix);
            assertThat(e.ref()).isEqualTo(BY_CODE);
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.exitStatus()).isNull();
            assertThat(e.rejection()).isNull();
        }

        @ParameterizedTest(name = "exit status {0}: {1} {2}")
        @CsvSource({
            "0, SUCCESS, 0",
            "1, FAIL, 1",
            "255, FAIL, 255",
            "000, SUCCESS, 0", // leading zeros are the same number
            "0042, FAIL, 42"
        })
        void anExitStatusOfZeroIsSuccessAndUpTo255IsFailure(
                String segment, PingKind kind, int status) {
            PingEvent e = event(UUID_TEXT + "/" + segment);
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.exitStatus()).isEqualTo(status);
            assertThat(e.rejection()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"256", "1000", "99999999999999999999999"})
        void anExitStatusAbove255IsRefusedOnceTheCheckIsFound(String segment) {
            PingEvent e = event(UUID_TEXT + "/" + segment);
            assertThat(e.ref()).isEqualTo(BY_CODE);
            assertThat(e.rejection()).isEqualTo(Outcome.INVALID_URL);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "5B7B5E3A-9F3C-4D5E-8A1B-2C3D4E5F6A7B", // upper-case UUID
                    "5b7b5e3a9f3c4d5e8a1b2c3d4e5f6a7b", // no dashes
                    UUID_TEXT + "/5/", // a trailing slash after an exit status
                    UUID_TEXT + "/fail/", // a trailing slash after an action
                    UUID_TEXT + "/start/extra",
                    "",
                    "/" + UUID_TEXT
                })
        void malformedUrlsAreNotFound(String path) {
            assertAnswer(parse(path), 404, "not found");
        }

        @Test
        void aUuidFollowedByASlugIsTheSlugFormWithTheUuidAsPingKey() {
            PingEvent e = event(UUID_TEXT + "/backups");
            assertThat(e.ref()).isEqualTo(CheckRef.bySlug(UUID_TEXT, "backups"));
            assertThat(e.kind()).isEqualTo(PingKind.SUCCESS);
            // so "<uuid>/-1" names the slug "-1", which no check has: not found at look-up
            assertThat(event(UUID_TEXT + "/-1").ref()).isEqualTo(CheckRef.bySlug(UUID_TEXT, "-1"));
        }

        @Test
        void createIsOnlyForSlugUrls() {
            PingRequest r = PingRequestParser.parse(UUID_TEXT, ctx(null, true));
            assertThat(r.event().create()).isFalse();
        }
    }

    @Nested
    class SlugUrls {
        @ParameterizedTest(name = "/ping/<key>/backups{0}: {1}")
        @CsvSource({
            "'', SUCCESS, ",
            "/start, START, ",
            "/fail, FAIL, ",
            "/log, LOG, ",
            "/0, SUCCESS, 0",
            "/7, FAIL, 7"
        })
        void theSlugFormTakesTheSameActions(String suffix, PingKind kind, Integer exitStatus) {
            PingEvent e = event(KEY + "/backups" + suffix);
            assertThat(e.ref()).isEqualTo(CheckRef.bySlug(KEY, "backups"));
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.exitStatus()).isEqualTo(exitStatus);
        }

        @Test
        void keysAndSlugsMayHoldDashesUnderscoresAndDigits() {
            assertThat(event("A-b_9/db-backup_2").ref())
                    .isEqualTo(CheckRef.bySlug("A-b_9", "db-backup_2"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    KEY + "/backups/", // no trailing slash on the slug form
                    KEY + "/back.ups",
                    KEY + "/backups/nope",
                    KEY + "/backups/start/1",
                    KEY + "/backups/-1", // a negative exit status
                    "k%y/backups",
                    KEY
                })
        void malformedSlugUrlsAreNotFound(String path) {
            assertAnswer(parse(path), 404, "not found");
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void anUpperCaseSlugIsAnInvalidUrl(boolean create) {
            assertAnswer(
                    PingRequestParser.parse(KEY + "/Backups", ctx(null, create)),
                    400,
                    "invalid url format");
        }

        @Test
        void aSlugLongerThan100CharactersIsNotFoundOrInvalidWhenCreating() {
            String tooLong = KEY + "/" + "a".repeat(101);
            assertAnswer(parse(tooLong), 404, "not found");
            assertAnswer(
                    PingRequestParser.parse(tooLong, ctx(null, true)), 400, "invalid url format");
            assertThat(event(KEY + "/" + "a".repeat(100)).ref().slug()).hasSize(100);
        }

        @Test
        void createIsPassedOnForSlugUrls() {
            PingRequest r = PingRequestParser.parse(KEY + "/new-job", ctx(null, true));
            assertThat(r.event().create()).isTrue();
            assertThat(event(KEY + "/new-job").create()).isFalse();
        }
    }

    @Nested
    class RunIds {
        @Test
        void noRidIsNull() {
            assertThat(event(UUID_TEXT + "/start").rid()).isNull();
        }

        @Test
        void aRidIsAcceptedInAnyCaseAndStoredLowerCase() {
            PingEvent e =
                    PingRequestParser.parse(
                                    UUID_TEXT + "/start",
                                    ctx("0A1B2C3D-0000-4000-8000-00000000000A", false))
                            .event();
            assertThat(e.rid()).isEqualTo("0a1b2c3d-0000-4000-8000-00000000000a");
            assertThat(e.rejection()).isNull();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "not-a-uuid",
                    "0a1b2c3d00004000800000000000000a", // without dashes
                    "{0a1b2c3d-0000-4000-8000-00000000000a}",
                    "0a1b2c3d-0000-4000-8000-00000000000a\n"
                })
        void aMalformedRidIsRefusedOnceTheCheckIsFound(String rid) {
            PingEvent e = PingRequestParser.parse(KEY + "/backups", ctx(rid, false)).event();
            assertThat(e.rejection()).isEqualTo(Outcome.INVALID_RID);
            assertThat(e.rid()).isNull();
        }

        @Test
        void anExitStatusAbove255IsReportedBeforeABadRid() {
            PingEvent e = PingRequestParser.parse(UUID_TEXT + "/256", ctx("bad", false)).event();
            assertThat(e.rejection()).isEqualTo(Outcome.INVALID_URL);
        }
    }

    @Test
    void theRequestDetailsAreCarriedIntoTheEvent() {
        PingEvent e = event(UUID_TEXT);
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.remoteAddr()).isEqualTo("192.0.2.7");
        assertThat(e.scheme()).isEqualTo("https");
        assertThat(e.ua()).isEqualTo("curl/8");
        assertThat(e.body()).isEqualTo(BODY);
        assertThat(e.isEmail()).isFalse();
    }

    @Test
    void aMissingUserAgentIsEmpty() {
        PingRequestParser.Context noUa =
                new PingRequestParser.Context("GET", null, false, "192.0.2.7", "http", null, null);
        PingEvent e = PingRequestParser.parse(UUID_TEXT, noUa).event();
        assertThat(e.ua()).isEmpty();
        assertThat(e.body()).isNull();
    }
}
