package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.j;
import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthTest {
    TestApp t;
    Check check;

    @BeforeAll
    void start() {
        t = new TestApp();
        check = t.fx.aliceCheck(b -> b.name = "guarded");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    static void assertUnauthorized(Resp r, String error) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo(error);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void missingKeyIsRefused() {
        assertUnauthorized(t.get("/api/v3/checks/"), "missing api key");
        assertUnauthorized(t.post("/api/v3/checks/", "{}"), "missing api key");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 33, 64})
    void keysThatAreNot32CharactersLongAreMissing(int length) {
        assertUnauthorized(
                t.get("/api/v3/checks/", "X-Api-Key", "k".repeat(length)), "missing api key");
    }

    @Test
    void unknownKeyOf32CharactersIsWrong() {
        assertUnauthorized(
                t.get("/api/v3/checks/", "X-Api-Key", "hcw_" + "x".repeat(28)), "wrong api key");
        assertUnauthorized(t.get("/api/v3/checks/", "X-Api-Key", "y".repeat(32)), "wrong api key");
    }

    @Test
    void readOnlyKeyIsWrongForEveryWrite() {
        String ro = t.fx.aliceReadonlyKey;
        String one = "/api/v3/checks/" + check.code();
        assertUnauthorized(t.post("/api/v3/checks/", "{}", "X-Api-Key", ro), "wrong api key");
        assertUnauthorized(t.post(one, "{}", "X-Api-Key", ro), "wrong api key");
        assertUnauthorized(
                t.request("DELETE", one, (String) null, "X-Api-Key", ro), "wrong api key");
        assertUnauthorized(t.post(one + "/pause", "", "X-Api-Key", ro), "wrong api key");
        assertUnauthorized(t.post(one + "/resume", "", "X-Api-Key", ro), "wrong api key");
        assertUnauthorized(t.get(one + "/pings/", "X-Api-Key", ro), "wrong api key");
    }

    @Test
    void readOnlyKeyReadsChecksAndFlips() {
        String ro = t.fx.aliceReadonlyKey;
        assertThat(t.get("/api/v3/checks/", "X-Api-Key", ro).status()).isEqualTo(200);
        assertThat(t.get("/api/v3/checks/" + check.code(), "X-Api-Key", ro).status())
                .isEqualTo(200);
        assertThat(t.get("/api/v3/checks/" + check.uniqueKey(), "X-Api-Key", ro).status())
                .isEqualTo(200);
        assertThat(t.get("/api/v3/checks/" + check.code() + "/flips/", "X-Api-Key", ro).status())
                .isEqualTo(200);
    }

    @Test
    void apiKeyInThePostBodyIsAccepted() {
        Resp r =
                t.post(
                        "/api/v3/checks/",
                        j("{'api_key': '" + t.fx.aliceApiKey + "', 'name': 'via body'}"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(json(r).get("name").asText()).isEqualTo("via body");
        Resp pause =
                t.post(
                        "/api/v3/checks/" + check.code() + "/pause",
                        j("{'api_key': '" + t.fx.aliceApiKey + "'}"));
        assertThat(pause.status()).isEqualTo(200);
    }

    @Test
    void readOnlyKeyInThePostBodyIsWrong() {
        assertUnauthorized(
                t.post("/api/v3/checks/", j("{'api_key': '" + t.fx.aliceReadonlyKey + "'}")),
                "wrong api key");
    }

    @Test
    void apiKeyInTheBodyOfAGetIsIgnored() {
        Resp r = t.request("GET", "/api/v3/checks/", j("{'api_key': '" + t.fx.aliceApiKey + "'}"));
        assertUnauthorized(r, "missing api key");
    }

    @Test
    void anotherProjectsKeyCannotTouchTheCheck() {
        Resp r = t.get("/api/v3/checks/" + check.code(), "X-Api-Key", t.fx.bobApiKey);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEmpty();
    }
}
