package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetCheckApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp get(String version, String ref, String key) {
        return t.get("/api/" + version + "/checks/" + ref, "X-Api-Key", key);
    }

    @Test
    void getsCheckByUuid() {
        Check c = t.fx.aliceCheck(b -> b.name = "by-uuid");
        Resp r = get("v3", c.code().toString(), t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("name").asText()).isEqualTo("by-uuid");
        assertThat(body.get("uuid").asText()).isEqualTo(c.code().toString());
        assertThat(body.get("badge_url").asText())
                .isEqualTo("http://localhost:8000/b/2/" + c.badgeKey() + ".svg");
    }

    @Test
    void readOnlyKeySeesUniqueKeyByUuidAndByUniqueKey() {
        Check c = t.fx.aliceCheck(b -> b.name = "ro");
        for (String ref : new String[] {c.code().toString(), c.uniqueKey()}) {
            JsonNode body = json(get("v3", ref, t.fx.aliceReadonlyKey));
            assertThat(body.get("unique_key").asText()).isEqualTo(c.uniqueKey());
            assertThat(body.has("uuid")).isFalse();
            assertThat(body.has("update_url")).isFalse();
        }
    }

    @Test
    void readWriteKeyByUniqueKeySeesTheFullCheck() {
        Check c = t.fx.aliceCheck(b -> b.name = "rw-by-key");
        JsonNode body = json(get("v2", c.uniqueKey(), t.fx.aliceApiKey));
        assertThat(body.get("uuid").asText()).isEqualTo(c.code().toString());
        assertThat(body.get("pause_url").asText())
                .isEqualTo("http://localhost:8000/api/v2/checks/" + c.code() + "/pause");
    }

    @Test
    void uniqueKeyOfAnotherProjectIsNotFoundWithoutBody() {
        Check bobs = ApiTests.bobCheck(t);
        Resp r = get("v3", bobs.uniqueKey(), t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void uuidOfAnotherProjectIsForbiddenAndUnknownIsNotFound() {
        Check bobs = ApiTests.bobCheck(t);
        Resp forbidden = get("v3", bobs.code().toString(), t.fx.aliceReadonlyKey);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEmpty();
        assertThat(get("v3", UUID.randomUUID().toString(), t.fx.aliceApiKey).status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NOT-A-UUID",
                "0A3D8C4B-8C43-4B5C-9D1E-2F3A4B5C6D7E",
                "abc",
                "0123456789abcdef0123456789abcdef0123456"
            })
    void codesOfTheWrongShapeAreNotFound(String ref) {
        assertThat(get("v3", ref, t.fx.aliceApiKey).status()).isEqualTo(404);
    }

    @Test
    void runningCheckIsStartedOnlyInV1() {
        Check c = t.fx.aliceCheck(b -> b.name = "running");
        t.get("/ping/" + c.code() + "/start");
        JsonNode v1 = json(get("v1", c.code().toString(), t.fx.aliceApiKey));
        JsonNode v2 = json(get("v2", c.code().toString(), t.fx.aliceApiKey));
        JsonNode v3 = json(get("v3", c.code().toString(), t.fx.aliceApiKey));
        assertThat(v1.get("status").asText()).isEqualTo("started");
        assertThat(v2.get("status").asText()).isEqualTo("new");
        assertThat(v3.get("status").asText()).isEqualTo("new");
        assertThat(v2.get("started").asBoolean()).isTrue();
        assertThat(v1.get("started").asBoolean()).isTrue();
        String start = Json.isoSeconds(t.fx.reload(c).state().lastStart());
        assertThat(v3.get("next_ping").asText()).isEqualTo(start).endsWith("+00:00");
    }

    @Test
    void timesAreIsoSecondsAndDurationIsWholeSeconds() {
        Check c = t.fx.aliceCheck(b -> b.name = "timed");
        t.get("/ping/" + c.code() + "/start");
        t.clock.advance(Duration.ofMillis(65_700));
        t.get("/ping/" + c.code());
        Check after = t.fx.reload(c);
        JsonNode body = json(get("v3", c.code().toString(), t.fx.aliceApiKey));
        assertThat(body.get("status").asText()).isEqualTo("up");
        assertThat(body.get("last_ping").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(body.get("last_ping").asText())
                .isEqualTo(Json.isoSeconds(after.state().lastPing()));
        assertThat(body.get("next_ping").asText())
                .isEqualTo(Json.isoSeconds(after.state().lastPing().plusSeconds(86400)));
        assertThat(body.get("last_duration").isInt()).isTrue();
        assertThat(body.get("last_duration").asInt()).isEqualTo(65);
    }

    @Test
    void checkWithoutDurationHasNoLastDurationKey() {
        Check c = t.fx.aliceCheck(b -> b.name = "no-duration");
        assertThat(json(get("v3", c.code().toString(), t.fx.aliceApiKey)).has("last_duration"))
                .isFalse();
    }
}
