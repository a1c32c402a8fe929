package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.j;
import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateCheckApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp create(String version, String body) {
        return t.post("/api/" + version + "/checks/", j(body), "X-Api-Key", t.fx.aliceApiKey);
    }

    Check stored(JsonNode check) {
        UUID code = UUID.fromString(check.get("uuid").asText());
        return t.app.database()
                .inTransaction(cfg -> t.app.checks().findByCode(cfg.dsl(), code).orElseThrow());
    }

    @Test
    void createsCheckAndAnswers201WithIt() {
        Resp r =
                create(
                        "v3",
                        "{'name': 'Backups', 'tags': 'prod www', 'desc': 'nightly', 'timeout': 3600, 'grace': 60,"
                                + " 'manual_resume': true, 'methods': 'POST', 'unknown_key': [1, 2]}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(c.get("name").asText()).isEqualTo("Backups");
        assertThat(c.get("tags").asText()).isEqualTo("prod www");
        assertThat(c.get("desc").asText()).isEqualTo("nightly");
        assertThat(c.get("timeout").asInt()).isEqualTo(3600);
        assertThat(c.get("grace").asInt()).isEqualTo(60);
        assertThat(c.get("status").asText()).isEqualTo("new");
        assertThat(c.get("n_pings").asInt()).isZero();
        assertThat(c.get("last_ping").isNull()).isTrue();
        assertThat(c.get("manual_resume").asBoolean()).isTrue();
        assertThat(c.get("methods").asText()).isEqualTo("POST");
        assertThat(c.get("channels").asText()).isEmpty();
        Check check = stored(c);
        assertThat(check.projectId()).isEqualTo(t.fx.aliceProject.id());
        assertThat(check.config().name()).isEqualTo("Backups");
        assertThat(check.state().alertAfter()).isNull();
    }

    @Test
    void emptyBodyCreatesCheckWithDefaults() {
        Resp r = t.post("/api/v3/checks/", "", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(c.get("name").asText()).isEmpty();
        assertThat(c.get("timeout").asInt()).isEqualTo(86400);
        assertThat(c.get("grace").asInt()).isEqualTo(3600);
    }

    @ParameterizedTest
    @CsvSource({"v1, daily-db-dump", "v2, daily-db-dump", "v3, ''"})
    void onlyV1AndV2DeriveTheSlugFromTheName(String version, String slug) {
        JsonNode c = json(create(version, "{'name': 'Daily DB Dump!'}"));
        assertThat(c.get("slug").asText()).isEqualTo(slug);
        assertThat(c.get("update_url").asText()).contains("/api/" + version + "/checks/");
    }

    @ParameterizedTest
    @CsvSource({"v1", "v2", "v3"})
    void explicitSlugWinsInEveryVersion(String version) {
        assertThat(
                        json(create(version, "{'name': 'Some Name', 'slug': 'picked'}"))
                                .get("slug")
                                .asText())
                .isEqualTo("picked");
    }

    @Test
    void scheduleMakesACronCheckWithTimezone() {
        JsonNode c =
                json(
                        create(
                                "v3",
                                "{'schedule': '*/5 * * * *', 'tz': 'Europe/Riga', 'timeout': 120}"));
        assertThat(c.get("schedule").asText()).isEqualTo("*/5 * * * *");
        assertThat(c.get("tz").asText()).isEqualTo("Europe/Riga");
        assertThat(c.has("timeout")).isFalse();
        assertThat(stored(c).config().kind()).isEqualTo("cron");
    }

    @Test
    void aCronStepLargerThanItsFieldIsAcceptedAsCronsimDoes() {
        Resp r = create("v3", "{'schedule': '*/100 * * * *'}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(json(r).get("schedule").asText()).isEqualTo("*/100 * * * *");
        assertThat(stored(json(r)).config().kind()).isEqualTo("cron");
    }

    @Test
    void aLegacyTimezoneNameIsStoredUnderItsCanonicalName() {
        JsonNode c = json(create("v3", "{'schedule': '0 3 * * *', 'tz': 'Europe/Kiev'}"));
        assertThat(c.get("tz").asText()).isEqualTo("Europe/Kyiv");
        assertThat(stored(c).config().tz()).isEqualTo("Europe/Kyiv");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CET, Europe/Brussels",
        "EST5EDT, America/New_York",
        "Zulu, Etc/UTC",
        "EST, America/Panama",
        "MST, America/Phoenix",
        "HST, Pacific/Honolulu",
        "GMT+0, Etc/GMT",
        "GMT-0, Etc/GMT",
        "America/Montreal, America/Montreal",
        "Asia/Istanbul, Asia/Istanbul"
    })
    void timezoneNamesOfTheNewestReferenceAreAcceptedAndStoredUnderItsNames(
            String given, String storedAs) {
        JsonNode c = json(create("v3", "{'schedule': '0 3 * * *', 'tz': '" + given + "'}"));
        assertThat(c.get("tz").asText()).isEqualTo(storedAs);
        assertThat(stored(c).config().tz()).isEqualTo(storedAs);
    }

    @Test
    void channelsStarAssignsEveryChannelOfTheProject() {
        Channel ops = ApiTests.aliceChannel(t, "create-star");
        JsonNode c = json(create("v3", "{'channels': '*'}"));
        assertThat(c.get("channels").asText()).contains(ops.code().toString());
        assertThat(ApiTests.channelCodes(t, stored(c))).contains(ops.code());
    }

    @Test
    void channelsByNameAndUuidAreAssignedAndListedSorted() {
        Channel a = ApiTests.aliceChannel(t, "create-by-name");
        Channel b = ApiTests.aliceChannel(t, "create-other");
        JsonNode c = json(create("v3", "{'channels': 'create-by-name," + b.code() + "'}"));
        String expected =
                a.code().toString().compareTo(b.code().toString()) < 0
                        ? a.code() + "," + b.code()
                        : b.code() + "," + a.code();
        assertThat(c.get("channels").asText()).isEqualTo(expected);
    }

    @Test
    void badChannelsAreRejectedBeforeAnythingIsSaved() {
        ApiTests.aliceChannel(t, "create-twin");
        ApiTests.aliceChannel(t, "create-twin");
        Channel bobs =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.channels()
                                                .insert(
                                                        cfg.dsl(),
                                                        t.fx.bobProject.id(),
                                                        "email",
                                                        "bobs",
                                                        "{}",
                                                        true,
                                                        t.clock.instant()));
        int before = ApiTests.checkCount(t, t.fx.alice);
        assertError(
                create("v3", "{'name': 'x', 'channels': 'create-twin'}"),
                "non-unique channel identifier: create-twin");
        assertError(create("v3", "{'channels': 'nope'}"), "invalid channel identifier: nope");
        assertError(
                create("v3", "{'channels': '" + bobs.code() + "'}"),
                "invalid channel identifier: " + bobs.code());
        assertError(create("v3", "{'channels': 'bobs'}"), "invalid channel identifier: bobs");
        assertError(create("v3", "{'channels': ','}"), "empty channel identifier");
        assertError(
                create("v3", "{'channels': ' create-other'}"),
                "invalid channel identifier:  create-other");
        assertThat(ApiTests.checkCount(t, t.fx.alice)).isEqualTo(before);
    }

    static void assertError(Resp r, String error) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo(error);
    }

    @Test
    void uniqueFieldsUpdateTheFirstMatchingCheckWith200() {
        JsonNode first = json(create("v3", "{'name': 'upsert-me', 'timeout': 600}"));
        Resp r =
                create(
                        "v1",
                        "{'name': 'upsert-me', 'timeout': 600, 'tags': 'changed', 'unique': ['name', 'timeout']}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode updated = json(r);
        assertThat(updated.get("uuid").asText()).isEqualTo(first.get("uuid").asText());
        assertThat(updated.get("tags").asText()).isEqualTo("changed");
        // the name did not change, so v1 leaves the slug alone
        assertThat(updated.get("slug").asText()).isEmpty();
    }

    @Test
    void uniqueFieldMissingFromTheRequestCreatesANewCheck() {
        json(create("v3", "{'name': 'upsert-missing', 'tags': 't'}"));
        Resp r = create("v3", "{'name': 'upsert-missing', 'unique': ['name', 'tags', 'grace']}");
        assertThat(r.status()).isEqualTo(201);
        Resp noMatch =
                create("v3", "{'name': 'upsert-missing', 'tags': 'other', 'unique': ['tags']}");
        assertThat(noMatch.status()).isEqualTo(201);
    }

    @Test
    void checkLimitRefusesCreatingButNotUpserting() {
        json(create("v3", "{'name': 'at-limit'}"));
        ApiTests.setLimits(t, t.fx.alice, ApiTests.checkCount(t, t.fx.alice), 100);
        try {
            Resp refused = create("v3", "{'name': 'one too many'}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEmpty();
            Resp upsert =
                    create("v3", "{'name': 'at-limit', 'desc': 'still fine', 'unique': ['name']}");
            assertThat(upsert.status()).isEqualTo(200);
        } finally {
            ApiTests.setLimits(t, t.fx.alice, 10000, 100);
        }
    }

    @Test
    void legacySubjectFieldsSetKeywordsAndSubjectFilter() {
        JsonNode c = json(create("v3", "{'subject': 'SUCCESS', 'subject_fail': 'FAILED'}"));
        assertThat(c.get("success_kw").asText()).isEqualTo("SUCCESS");
        assertThat(c.get("failure_kw").asText()).isEqualTo("FAILED");
        assertThat(c.get("filter_subject").asBoolean()).isTrue();
        assertThat(c.get("subject").asText()).isEqualTo("SUCCESS");
        assertThat(c.get("subject_fail").asText()).isEqualTo("FAILED");
    }
}
