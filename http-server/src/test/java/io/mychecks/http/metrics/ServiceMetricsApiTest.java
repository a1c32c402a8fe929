package io.mychecks.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/vN/metrics/} with {@code X-Metrics-Key}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceMetricsApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "metrics-key-123";
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of("METRICS_KEY", KEY));
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void rightKeyGetsTheNumbersInOrder() throws Exception {
        Resp r = t.get("/api/v3/metrics/", "X-Metrics-Key", KEY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(r.body());
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "ts", "max_ping_id", "max_notification_id", "num_unprocessed_flips");
        assertThat(body.get("ts").isIntegralNumber()).isTrue();
        assertThat(body.get("ts").asLong()).isEqualTo(t.clock.instant().getEpochSecond());
        assertThat(body.get("max_notification_id").isNull()).isTrue();
    }

    @Test
    void numbersFollowPingsAndFlips() throws Exception {
        Check c = t.fx.aliceCheck(b -> b.name = "m");
        t.get("/ping/" + c.code());
        t.get("/ping/" + c.code() + "/fail");
        JsonNode body = JSON.readTree(t.get("/api/v1/metrics/", "X-Metrics-Key", KEY).body());
        long maxPingId = t.app.pings().maxId(t.app.database().dsl()).orElseThrow();
        assertThat(body.get("max_ping_id").asLong()).isEqualTo(maxPingId);
        assertThat(body.get("num_unprocessed_flips").asInt())
                .isEqualTo(t.app.flips().countUnprocessed(t.app.database().dsl()))
                .isPositive();
    }

    @Test
    void anyMethodIsAccepted() {
        assertThat(t.post("/api/v2/metrics/", "", "X-Metrics-Key", KEY).status()).isEqualTo(200);
        assertThat(t.request("DELETE", "/api/v2/metrics/", "", "X-Metrics-Key", KEY).status())
                .isEqualTo(200);
    }

    @Test
    void missingOrWrongKeyIsForbidden() {
        Resp missing = t.get("/api/v3/metrics/");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).isEmpty();
        assertThat(t.get("/api/v3/metrics/", "X-Metrics-Key", KEY + "x").status()).isEqualTo(403);
        assertThat(t.get("/api/v3/metrics/", "X-Metrics-Key", "").status()).isEqualTo(403);
        assertThat(t.get("/api/v3/metrics/", "X-Api-Key", KEY).status()).isEqualTo(403);
    }

    @Test
    void unsetMetricsKeyRefusesEveryone() {
        try (TestApp bare = new TestApp()) {
            assertThat(bare.get("/api/v3/metrics/").status()).isEqualTo(403);
            assertThat(bare.get("/api/v3/metrics/", "X-Metrics-Key", "").status()).isEqualTo(403);
            assertThat(bare.get("/api/v3/metrics/", "X-Metrics-Key", KEY).status()).isEqualTo(403);
        }
    }

    @Test
    void unknownApiVersionIsNotFound() {
        assertThat(t.get("/api/v4/metrics/", "X-Metrics-Key", KEY).status()).isEqualTo(404);
    }

    @Test
    void statusProbeStillAnswersOk() {
        Resp r = t.get("/api/v3/status/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("OK");
    }
}
