package io.mychecks.core.checks;

import static io.mychecks.core.testing.PureChecks.CODE;
import static io.mychecks.core.testing.PureChecks.NOW;
import static io.mychecks.core.testing.PureChecks.check;
import static io.mychecks.core.testing.PureChecks.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check JSON of the Management API (spec §7.4), through {@link CheckJson#render}. */
class CheckJsonTest {
    static final Settings SETTINGS =
            Settings.of(
                    Map.of(
                            "SITE_ROOT", "https://hc.example.org/",
                            "PING_ENDPOINT", "https://ping.example.org/p/"));

    /** The keys every view has, in the reference's order (spec §7.4). */
    static final List<String> COMMON_KEYS =
            List.of(
                    ("name slug tags desc grace n_pings status started last_ping next_ping"
                                    + " manual_resume methods subject subject_fail start_kw"
                                    + " success_kw failure_kw filter_subject filter_body"
                                    + " filter_http_body filter_default_fail badge_url")
                            .split(" "));

    static final UUID CHANNEL_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000000");
    static final UUID CHANNEL_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000000");

    static ObjectNode render(Check c, int version, boolean readOnly) {
        return CheckJson.render(c, version, readOnly, List.of(CHANNEL_B, CHANNEL_A), SETTINGS, NOW);
    }

    static List<String> keys(ObjectNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static Check named() {
        return check(
                b -> {
                    b.name = "Backups";
                    b.slug = "backups";
                    b.tags = "prod db";
                    b.desc = "nightly";
                },
                state(CheckStatus.UP, NOW.minusSeconds(600)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aReadWriteKeySeesTheUuidAndUrlsInTheReferencesOrder(int version) {
        ObjectNode o = render(named(), version, false);
        List<String> expected = new ArrayList<>(COMMON_KEYS);
        expected.addAll(
                List.of(
                        "uuid ping_url update_url pause_url resume_url channels timeout"
                                .split(" ")));
        assertThat(keys(o)).containsExactlyElementsOf(expected);
        String api = "https://hc.example.org/api/v" + version + "/checks/" + CODE;
        assertThat(o.get("uuid").asText()).isEqualTo(CODE.toString());
        assertThat(o.get("ping_url").asText()).isEqualTo("https://ping.example.org/p/" + CODE);
        assertThat(o.get("update_url").asText()).isEqualTo(api);
        assertThat(o.get("pause_url").asText()).isEqualTo(api + "/pause");
        assertThat(o.get("resume_url").asText()).isEqualTo(api + "/resume");
        assertThat(o.get("channels").asText()).isEqualTo(CHANNEL_A + "," + CHANNEL_B);
        assertThat(o.get("badge_url").asText())
                .isEqualTo("https://hc.example.org/b/2/badge-key-7.svg");
    }

    @Test
    void aReadOnlyKeySeesTheUniqueKeyInsteadOfTheUuidAndUrls() {
        ObjectNode o = render(named(), 3, true);
        List<String> expected = new ArrayList<>(COMMON_KEYS);
        expected.addAll(List.of("unique_key", "timeout"));
        assertThat(keys(o)).containsExactlyElementsOf(expected);
        assertThat(o.get("unique_key").asText())
                .matches("[0-9a-f]{40}")
                .isEqualTo(Check.uniqueKey(CODE));
        assertThat(o.toString()).doesNotContain(CODE.toString());
    }

    @Test
    void valuesAreTheChecksOwnWithTheirJsonTypes() {
        ObjectNode o = render(named(), 3, false);
        assertThat(o.get("name").asText()).isEqualTo("Backups");
        assertThat(o.get("slug").asText()).isEqualTo("backups");
        assertThat(o.get("tags").asText()).isEqualTo("prod db");
        assertThat(o.get("desc").asText()).isEqualTo("nightly");
        assertThat(o.get("grace").isIntegralNumber()).isTrue();
        assertThat(o.get("grace").asLong()).isEqualTo(3600);
        assertThat(o.get("timeout").asLong()).isEqualTo(86400);
        assertThat(o.get("n_pings").asLong()).isZero();
        assertThat(o.get("manual_resume").isBoolean()).isTrue();
        assertThat(o.get("methods").asText()).isEmpty();
        assertThat(o.get("status").asText()).isEqualTo("up");
        assertThat(o.get("started").asBoolean()).isFalse();
    }

    @Test
    void aScheduledCheckHasScheduleAndTimeZoneInsteadOfTimeout() {
        Check cron =
                check(
                        b -> {
                            b.kind = "cron";
                            b.schedule = "0 12 * * *";
                            b.tz = "Europe/Riga";
                        },
                        CheckState.fresh());
        ObjectNode o = render(cron, 3, false);
        assertThat(keys(o)).endsWith("channels", "schedule", "tz").doesNotContain("timeout");
        assertThat(o.get("schedule").asText()).isEqualTo("0 12 * * *");
        assertThat(o.get("tz").asText()).isEqualTo("Europe/Riga");
    }

    @Test
    void timesAreUtcWithOffsetAndWithoutFractionsAndNullWhenUnknown() {
        Check c = check(state(CheckStatus.UP, NOW.minusSeconds(600).plusMillis(789)));
        ObjectNode o = render(c, 3, false);
        assertThat(o.get("last_ping").asText()).isEqualTo("2026-03-01T11:50:00+00:00");
        assertThat(o.get("next_ping").asText()).isEqualTo("2026-03-02T11:50:00+00:00");
        ObjectNode fresh = render(check(CheckState.fresh()), 3, false);
        assertThat(fresh.get("last_ping").isNull()).isTrue();
        assertThat(fresh.get("next_ping").isNull()).isTrue();
        assertThat(fresh.get("status").asText()).isEqualTo("new");
    }

    @Test
    void urlsWithCharactersOutsideAsciiAreStillEscapedCorrectly() {
        Settings intl = Settings.of(Map.of("SITE_ROOT", "https://hc.example.org/m\u00fcnchen"));
        ObjectNode o = CheckJson.render(named(), 3, false, List.of(), intl, NOW);
        assertThat(o.get("update_url").asText())
                .isEqualTo("https://hc.example.org/m\u00fcnchen/api/v3/checks/" + named().code());
        assertThat(o.get("ping_url").asText())
                .isEqualTo("https://hc.example.org/m\u00fcnchen/ping/" + named().code());
    }

    @Test
    void everyCodeIsWrittenAsItsCanonicalText() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            UUID code = new UUID(random.nextLong(), random.nextLong());
            Check c = named();
            Check other =
                    new Check(
                            c.id(),
                            code,
                            c.projectId(),
                            c.created(),
                            c.badgeKey(),
                            c.config(),
                            c.state());
            ObjectNode o = CheckJson.render(other, 3, false, List.of(), SETTINGS, NOW);
            assertThat(o.get("uuid").asText()).isEqualTo(code.toString());
            assertThat(o.get("resume_url").asText())
                    .isEqualTo("https://hc.example.org/api/v3/checks/" + code + "/resume");
        }
    }

    @Test
    void timesBeyondYear9999KeepSecondsAndOffset() {
        Instant far = Instant.parse("+10000-01-02T03:04:00Z");
        ObjectNode o = render(check(state(CheckStatus.UP, far)), 3, false);
        assertThat(o.get("last_ping").asText()).isEqualTo("+10000-01-02T03:04:00+00:00");
    }

    @Test
    void timesArePaddedToFourDigitYearsAndTwoDigitFields() {
        Instant early = Instant.parse("0999-01-02T03:04:05.999Z");
        ObjectNode o = render(check(state(CheckStatus.UP, early)), 3, false);
        assertThat(o.get("last_ping").asText()).isEqualTo("0999-01-02T03:04:05+00:00");
        assertThat(o.get("next_ping").asText()).isEqualTo("0999-01-03T03:04:05+00:00");
    }

    @Test
    void oneWriterReusedForManyChecksWritesWhatRenderGivesForEach() throws Exception {
        List<Check> all =
                List.of(named(), check(CheckState.fresh()), check(state(CheckStatus.DOWN, NOW)));
        ObjectMapper mapper = new ObjectMapper();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CheckJson.Writer writer = CheckJson.writer(3, false, SETTINGS, NOW);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartArray();
            for (Check c : all) {
                writer.write(g, c, List.of(CHANNEL_B, CHANNEL_A));
            }
            g.writeEndArray();
        }
        var array = mapper.readTree(out.toByteArray());
        assertThat(array).hasSize(3);
        for (int i = 0; i < all.size(); i++) {
            assertThat(array.get(i).toString()).isEqualTo(render(all.get(i), 3, false).toString());
        }
        assertThat(array.get(0).get("update_url").asText())
                .isEqualTo("https://hc.example.org/api/v3/checks/" + all.get(0).code());
        assertThat(array.get(0).get("channels").asText()).isEqualTo(CHANNEL_A + "," + CHANNEL_B);
    }

    @ParameterizedTest(name = "v{0}: status {1}")
    @CsvSource({"1, started", "2, up", "3, up"})
    void aRunningCheckIsStartedOnlyInVersion1AndHasStartedTrueInEvery(int version, String status) {
        Check running =
                check(
                        state(CheckStatus.UP, NOW.minusSeconds(600))
                                .withLastStart(NOW.minusSeconds(30), null));
        ObjectNode o = render(running, version, false);
        assertThat(o.get("status").asText()).isEqualTo(status);
        assertThat(o.get("started").asBoolean()).isTrue();
        // next_ping includes the run's start
        assertThat(o.get("next_ping").asText()).isEqualTo("2026-03-01T11:59:30+00:00");
    }

    @ParameterizedTest(name = "{0} s since the last ping: {1}")
    @CsvSource({"600, up", "86400, grace", "90000, down"})
    void theStatusIsComputedAtNow(long since, String status) {
        ObjectNode o = render(check(state(CheckStatus.UP, NOW.minusSeconds(since))), 3, false);
        assertThat(o.get("status").asText()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} ms: {1}")
    @CsvSource({"90999, 90", "1000, 1", "999, 0"})
    void lastDurationIsWholeSecondsWhenThereIsOne(long ms, long seconds) {
        Check c = check(new CheckState(3, NOW, null, null, ms, false, null, CheckStatus.UP));
        assertThat(render(c, 3, false).get("last_duration").asLong()).isEqualTo(seconds);
    }

    @Test
    void lastDurationIsLeftOutWhenUnknownOrZero() {
        Check none = check(new CheckState(3, NOW, null, null, null, false, null, CheckStatus.UP));
        Check zero = check(new CheckState(3, NOW, null, null, 0L, false, null, CheckStatus.UP));
        assertThat(render(none, 3, false).has("last_duration")).isFalse();
        assertThat(render(zero, 3, false).has("last_duration")).isFalse();
    }

    @ParameterizedTest(name = "filter_subject {0}")
    @ValueSource(booleans = {true, false})
    void theDeprecatedSubjectKeysMirrorTheKeywordsOnlyWithTheSubjectFilter(boolean filter) {
        Check c =
                check(
                        b -> {
                            b.filterSubject = filter;
                            b.successKw = "OK";
                            b.failureKw = "ERROR";
                            b.startKw = "go";
                        },
                        CheckState.fresh());
        ObjectNode o = render(c, 3, false);
        assertThat(o.get("subject").asText()).isEqualTo(filter ? "OK" : "");
        assertThat(o.get("subject_fail").asText()).isEqualTo(filter ? "ERROR" : "");
        assertThat(o.get("success_kw").asText()).isEqualTo("OK");
        assertThat(o.get("failure_kw").asText()).isEqualTo("ERROR");
        assertThat(o.get("start_kw").asText()).isEqualTo("go");
        assertThat(o.get("filter_subject").asBoolean()).isEqualTo(filter);
    }

    @Test
    void aCheckWithoutChannelsHasAnEmptyChannelList() {
        ObjectNode o = CheckJson.render(named(), 3, false, List.of(), SETTINGS, NOW);
        assertThat(o.get("channels").asText()).isEmpty();
    }

    @Test
    void withoutPingEndpointPingUrlsAreUnderTheSiteRoot() {
        Settings plain = Settings.of(Map.of("SITE_ROOT", "https://hc.example.org"));
        ObjectNode o = CheckJson.render(named(), 3, false, List.of(), plain, NOW);
        assertThat(o.get("ping_url").asText()).isEqualTo("https://hc.example.org/ping/" + CODE);
    }
}
