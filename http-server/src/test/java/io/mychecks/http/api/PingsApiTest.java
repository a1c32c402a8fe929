package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static io.mychecks.http.api.ApiTests.keys;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingsApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp pings(String version, Check c, String key) {
        return t.get("/api/" + version + "/checks/" + c.code() + "/pings/", "X-Api-Key", key);
    }

    Resp body(Check c, long n) {
        return t.get(
                "/api/v3/checks/" + c.code() + "/pings/" + n + "/body",
                "X-Api-Key",
                t.fx.aliceApiKey);
    }

    @Test
    void listsPingsNewestFirstWithTheReferenceFields() {
        Check c = t.fx.aliceCheck(b -> b.name = "pinged");
        String rid = UUID.randomUUID().toString();
        t.get("/ping/" + c.code() + "/start?rid=" + rid);
        t.clock.advance(Duration.ofMillis(1234));
        t.post("/ping/" + c.code() + "?rid=" + rid, "all good");
        t.get("/ping/" + c.code() + "/log");
        Resp r = pings("v2", c, t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = json(r).get("pings");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("type").asText()).isEqualTo("log");
        assertThat(list.get(2).get("type").asText()).isEqualTo("start");
        JsonNode success = list.get(1);
        assertThat(keys(success))
                .containsExactly(
                        "type",
                        "date",
                        "n",
                        "scheme",
                        "remote_addr",
                        "method",
                        "ua",
                        "rid",
                        "duration",
                        "body_url");
        assertThat(success.get("type").asText()).isEqualTo("success");
        assertThat(success.get("n").asInt()).isEqualTo(2);
        assertThat(success.get("scheme").asText()).isEqualTo("http");
        assertThat(success.get("remote_addr").asText()).isEqualTo("127.0.0.1");
        assertThat(success.get("method").asText()).isEqualTo("POST");
        assertThat(success.get("ua").asText()).isNotEmpty();
        assertThat(success.get("rid").asText()).isEqualTo(rid);
        assertThat(success.get("duration").isDouble()).isTrue();
        assertThat(success.get("duration").asDouble()).isEqualTo(1.23);
        assertThat(success.get("date").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
        assertThat(success.get("body_url").asText())
                .isEqualTo("http://localhost:8000/api/v2/checks/" + c.code() + "/pings/2/body");
        assertThat(list.get(0).get("body_url").isNull()).isTrue();
        assertThat(list.get(0).has("duration")).isFalse();
        assertThat(list.get(0).get("rid").isNull()).isTrue();
    }

    @Test
    void bodyIsServedAsPlainText() {
        Check c = t.fx.aliceCheck(b -> b.name = "with body");
        t.post("/ping/" + c.code(), "line one\nline two");
        Resp r = body(c, 1);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("line one\nline two");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void missingEmptyOrUnnumberedBodiesAreNotFound() {
        Check c = t.fx.aliceCheck(b -> b.name = "no body");
        t.get("/ping/" + c.code());
        assertThat(body(c, 1).status()).isEqualTo(404);
        assertThat(body(c, 2).status()).isEqualTo(404);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + c.code() + "/pings/x/body",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(404);
    }

    @Test
    void theOwnersPingLogLimitCapsTheListAndHidesOldBodies() {
        Check c = t.fx.aliceCheck(b -> b.name = "limited");
        for (int i = 1; i <= 5; i++) {
            t.post("/ping/" + c.code(), "body " + i);
        }
        ApiTests.setLimits(t, t.fx.alice, 10000, 3);
        try {
            JsonNode list = json(pings("v3", c, t.fx.aliceApiKey)).get("pings");
            assertThat(list).extracting(p -> p.get("n").asInt()).containsExactly(5, 4, 3);
            assertThat(body(c, 3).body()).isEqualTo("body 3");
            Resp old = body(c, 2);
            assertThat(old.status()).isEqualTo(404);
        } finally {
            ApiTests.setLimits(t, t.fx.alice, 10000, 100);
        }
    }

    @Test
    void readOnlyKeyCannotSeePings() {
        Check c = t.fx.aliceCheck(b -> b.name = "secret pings");
        t.post("/ping/" + c.code(), "secret");
        Resp r = pings("v3", c, t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("wrong api key");
        Resp b =
                t.get(
                        "/api/v3/checks/" + c.code() + "/pings/1/body",
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(b.status()).isEqualTo(401);
    }

    @Test
    void foreignAndUnknownChecksAreRefused() {
        Check bobs = ApiTests.bobCheck(t);
        Resp forbidden = pings("v3", bobs, t.fx.aliceApiKey);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEmpty();
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + bobs.code() + "/pings/1/body",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(403);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + UUID.randomUUID() + "/pings/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(404);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + bobs.uniqueKey() + "/pings/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(404);
    }
}
