package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static io.mychecks.http.api.ApiTests.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListChecksApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    JsonNode list(String query, String key) {
        Resp r = t.get("/api/v3/checks/" + query, "X-Api-Key", key);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        return json(r).get("checks");
    }

    static List<String> names(JsonNode checks) {
        List<String> names = new ArrayList<>();
        checks.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void listsOnlyTheChecksOfTheKeysProject() {
        Check mine = t.fx.aliceCheck(b -> b.name = "mine");
        Check bobs = ApiTests.bobCheck(t);
        List<String> uuids = new ArrayList<>();
        list("", t.fx.aliceApiKey).forEach(c -> uuids.add(c.get("uuid").asText()));
        assertThat(uuids).contains(mine.code().toString()).doesNotContain(bobs.code().toString());
        List<String> bobsUuids = new ArrayList<>();
        list("", t.fx.bobApiKey).forEach(c -> bobsUuids.add(c.get("uuid").asText()));
        assertThat(bobsUuids)
                .contains(bobs.code().toString())
                .doesNotContain(mine.code().toString());
    }

    @Test
    void readWriteKeySeesUuidUrlsAndChannels() {
        Check c = t.fx.aliceCheck(b -> b.name = "rw-view");
        JsonNode check = find(list("", t.fx.aliceApiKey), "rw-view");
        String api = "http://localhost:8000/api/v3/checks/" + c.code();
        assertThat(check.get("uuid").asText()).isEqualTo(c.code().toString());
        assertThat(check.get("ping_url").asText())
                .isEqualTo("http://localhost:8000/ping/" + c.code());
        assertThat(check.get("update_url").asText()).isEqualTo(api);
        assertThat(check.get("pause_url").asText()).isEqualTo(api + "/pause");
        assertThat(check.get("resume_url").asText()).isEqualTo(api + "/resume");
        assertThat(check.get("channels").asText()).isEmpty();
        assertThat(check.has("unique_key")).isFalse();
        assertThat(keys(check))
                .containsExactly(
                        "name",
                        "slug",
                        "tags",
                        "desc",
                        "grace",
                        "n_pings",
                        "status",
                        "started",
                        "last_ping",
                        "next_ping",
                        "manual_resume",
                        "methods",
                        "subject",
                        "subject_fail",
                        "start_kw",
                        "success_kw",
                        "failure_kw",
                        "filter_subject",
                        "filter_body",
                        "filter_http_body",
                        "filter_default_fail",
                        "badge_url",
                        "uuid",
                        "ping_url",
                        "update_url",
                        "pause_url",
                        "resume_url",
                        "channels",
                        "timeout");
    }

    @Test
    void readOnlyKeySeesUniqueKeyInsteadOfUuidAndUrls() {
        Check c =
                t.fx.aliceCheck(
                        b -> {
                            b.name = "ro-view";
                            b.kind = "cron";
                            b.schedule = "0 5 * * *";
                            b.tz = "Europe/Riga";
                        });
        JsonNode check = find(list("", t.fx.aliceReadonlyKey), "ro-view");
        assertThat(check.get("unique_key").asText()).isEqualTo(c.uniqueKey()).hasSize(40);
        assertThat(keys(check))
                .doesNotContain(
                        "uuid",
                        "ping_url",
                        "update_url",
                        "pause_url",
                        "resume_url",
                        "channels",
                        "timeout");
        assertThat(keys(check)).endsWith("badge_url", "unique_key", "schedule", "tz");
        assertThat(check.get("schedule").asText()).isEqualTo("0 5 * * *");
        assertThat(check.get("tz").asText()).isEqualTo("Europe/Riga");
    }

    @Test
    void tagFiltersMustAllMatchExactly() {
        t.fx.aliceCheck(
                b -> {
                    b.name = "both";
                    b.tags = "lt-a lt-b";
                });
        t.fx.aliceCheck(
                b -> {
                    b.name = "only-a";
                    b.tags = "lt-a";
                });
        t.fx.aliceCheck(
                b -> {
                    b.name = "prefix";
                    b.tags = "lt-ab";
                });
        assertThat(names(list("?tag=lt-a&tag=lt-b", t.fx.aliceApiKey))).containsExactly("both");
        assertThat(names(list("?tag=lt-a", t.fx.aliceApiKey))).containsExactly("both", "only-a");
        assertThat(names(list("?tag=lt", t.fx.aliceApiKey))).isEmpty();
    }

    @Test
    void slugFilterSelectsChecksWithThatSlug() {
        t.fx.aliceCheck(
                b -> {
                    b.name = "slugged";
                    b.slug = "list-slug";
                });
        t.fx.aliceCheck(b -> b.name = "other");
        assertThat(names(list("?slug=list-slug", t.fx.aliceReadonlyKey)))
                .containsExactly("slugged");
        assertThat(list("?slug=", t.fx.aliceApiKey).size()).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v3"})
    void urlsCarryTheRequestVersion(String version) {
        Check c = t.fx.aliceCheck(b -> b.name = "versioned-" + version);
        Resp r = t.get("/api/" + version + "/checks/", "X-Api-Key", t.fx.aliceApiKey);
        JsonNode check = find(json(r).get("checks"), "versioned-" + version);
        assertThat(check.get("update_url").asText())
                .isEqualTo("http://localhost:8000/api/" + version + "/checks/" + c.code());
    }

    @Test
    void unknownVersionIsNotFound() {
        assertThat(t.get("/api/v4/checks/", "X-Api-Key", t.fx.aliceApiKey).status()).isEqualTo(404);
    }

    static JsonNode find(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check named " + name + " in " + checks);
    }
}
