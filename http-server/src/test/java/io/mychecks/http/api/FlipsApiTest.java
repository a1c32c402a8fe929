package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlipsApiTest {
    TestApp t;
    Check check;
    Instant base;

    @BeforeAll
    void start() {
        t = new TestApp();
        base = t.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        check = t.fx.aliceCheck(b -> b.name = "flipping");
        ApiTests.flip(t, check, base.minusSeconds(7200), CheckStatus.NEW, CheckStatus.UP);
        ApiTests.flip(t, check, base.minusSeconds(3600), CheckStatus.UP, CheckStatus.DOWN);
        ApiTests.flip(t, check, base.minusSeconds(60), CheckStatus.DOWN, CheckStatus.UP);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp flips(String query) {
        return t.get(
                "/api/v3/checks/" + check.code() + "/flips/" + query,
                "X-Api-Key",
                t.fx.aliceApiKey);
    }

    List<String> times(Resp r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> times = new java.util.ArrayList<>();
        json(r).get("flips").forEach(f -> times.add(f.get("timestamp").asText()));
        return times;
    }

    String ago(long seconds) {
        return Json.isoSeconds(base.minusSeconds(seconds));
    }

    @Test
    void listsFlipsNewestFirstAsTimestampAndUp() {
        JsonNode flips = json(flips("")).get("flips");
        assertThat(flips).hasSize(3);
        assertThat(flips.get(0).get("timestamp").asText()).isEqualTo(ago(60));
        assertThat(flips.get(0).get("up").isInt()).isTrue();
        assertThat(flips).extracting(f -> f.get("up").asInt()).containsExactly(1, 0, 1);
        assertThat(ApiTests.keys(flips.get(1))).containsExactly("timestamp", "up");
    }

    @Test
    void readOnlyKeyReadsFlipsByUniqueKey() {
        Resp r =
                t.get(
                        "/api/v1/checks/" + check.uniqueKey() + "/flips/",
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(times(r)).containsExactly(ago(60), ago(3600), ago(7200));
    }

    @Test
    void secondsKeepsOnlyRecentFlips() {
        assertThat(times(flips("?seconds=600"))).containsExactly(ago(60));
        assertThat(times(flips("?seconds=600.0"))).containsExactly(ago(60));
        assertThat(times(flips("?seconds=0"))).hasSize(3);
        assertThat(times(flips("?seconds="))).hasSize(3);
    }

    @Test
    void startIsInclusiveAndEndExclusive() {
        long hourAgo = base.minusSeconds(3600).getEpochSecond();
        assertThat(times(flips("?start=" + hourAgo))).containsExactly(ago(60), ago(3600));
        assertThat(times(flips("?end=" + hourAgo))).containsExactly(ago(7200));
        assertThat(times(flips("?start=" + (hourAgo - 10) + "&end=" + (hourAgo + 10))))
                .containsExactly(ago(3600));
        assertThat(times(flips("?start=0"))).hasSize(3);
        assertThat(times(flips("?end=0"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "seconds=-1",
                "seconds=31536001",
                "seconds=abc",
                "seconds=1.5",
                "start=",
                "start=x",
                "start=-5",
                "start=10000000001",
                "end=1.0",
                "end=99999999999999999999999",
                "start=1__0",
                "start=_1",
                "start=1_",
                "start=%2B",
                "start=1%2B1"
            })
    void badFiltersAreRejectedWithoutBody(String query) {
        Resp r = flips("?" + query);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void thousandsOfDigitsAreAnsweredCleanly() {
        // a regular expression with a repeated group overflowed the stack here (500)
        String many = "1".repeat(3_000);
        assertThat(flips("?start=" + many).status()).isEqualTo(400);
        assertThat(flips("?end=" + many).status()).isEqualTo(400);
        assertThat(flips("?seconds=" + many).status()).isEqualTo(400);
        assertThat(flips("?start=" + "0_".repeat(3_000) + "0").status()).isEqualTo(200);
    }

    @Test
    void integersAreReadAsPythonReadsThem() {
        assertThat(flips("?start=%201_0_0%20").status()).isEqualTo(200);
        assertThat(flips("?start=%2B100").status()).isEqualTo(200);
        assertThat(flips("?end=%0910%0D%0A").status()).isEqualTo(200);
    }

    @Test
    void boundaryFiltersAreAccepted() {
        assertThat(flips("?seconds=31536000").status()).isEqualTo(200);
        assertThat(flips("?start=10000000000").status()).isEqualTo(200);
    }

    @Test
    void pauseAndResumeFlipsAreListed() {
        Check c = t.fx.aliceCheck(b -> b.name = "paused and resumed");
        t.post("/api/v3/checks/" + c.code() + "/pause", "", "X-Api-Key", t.fx.aliceApiKey);
        t.post("/api/v3/checks/" + c.code() + "/resume", "", "X-Api-Key", t.fx.aliceApiKey);
        JsonNode flips =
                json(t.get("/api/v3/checks/" + c.code() + "/flips/", "X-Api-Key", t.fx.aliceApiKey))
                        .get("flips");
        assertThat(flips).extracting(f -> f.get("up").asInt()).containsExactly(0, 0);
    }

    @Test
    void foreignAndUnknownChecksAreRefused() {
        Check bobs = ApiTests.bobCheck(t);
        Resp forbidden =
                t.get(
                        "/api/v3/checks/" + bobs.code() + "/flips/",
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEmpty();
        Resp byKey =
                t.get(
                        "/api/v3/checks/" + bobs.uniqueKey() + "/flips/",
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        assertThat(byKey.status()).isEqualTo(404);
        assertThat(byKey.body()).isEmpty();
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + UUID.randomUUID() + "/flips/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(404);
    }
}
