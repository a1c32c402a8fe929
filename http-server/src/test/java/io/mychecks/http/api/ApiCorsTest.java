package io.mychecks.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CORS, methods and URL shapes of the checks API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCorsTest {
    TestApp t;
    Check check;

    @BeforeAll
    void start() {
        t = new TestApp();
        check = t.fx.aliceCheck(b -> b.name = "cors");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    String expand(String path) {
        return path.replace("UUID", check.code().toString()).replace("KEY", check.uniqueKey());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/checks/|GET, POST, OPTIONS",
                "/api/v3/checks/UUID|POST, DELETE, GET, OPTIONS",
                "/api/v3/checks/KEY|GET, OPTIONS",
                "/api/v2/checks/UUID/pause|POST, OPTIONS",
                "/api/v3/checks/UUID/resume|POST, OPTIONS",
                "/api/v3/checks/UUID/pings/|GET, OPTIONS",
                "/api/v3/checks/UUID/pings/1/body|GET, OPTIONS",
                "/api/v3/checks/UUID/flips/|GET, OPTIONS",
                "/api/v3/checks/KEY/flips/|GET, OPTIONS",
            })
    void optionsAnswers204WithCorsHeadersAndNoKey(String path, String methods) {
        Resp r = t.request("OPTIONS", expand(path), (String) null);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("X-Api-Key");
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo(methods);
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void successfulAnswersCarryCorsHeaders() {
        Resp r = t.get("/api/v3/checks/", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, OPTIONS");
    }

    @ParameterizedTest
    @CsvSource({
        "PUT, /api/v3/checks/",
        "DELETE, /api/v3/checks/",
        "PATCH, /api/v3/checks/UUID",
        "DELETE, /api/v3/checks/KEY",
        "GET, /api/v3/checks/UUID/resume",
        "POST, /api/v3/checks/UUID/pings/",
        "DELETE, /api/v3/checks/UUID/flips/",
    })
    void otherMethodsAre405WithEmptyBody(String method, String path) {
        Resp r = t.request(method, expand(path), "", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/checks, /api/v1/checks/",
        "/api/v3/checks/UUID/pings, /api/v3/checks/UUID/pings/",
        "/api/v2/checks/KEY/flips?seconds=60, /api/v2/checks/KEY/flips/?seconds=60",
    })
    void getWithoutTrailingSlashIsRedirected(String path, String location) {
        Resp r = t.get(expand(path), "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).isEqualTo(expand(location));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v3/checks/UUID/",
        "/api/v3/checks/KEY/pings/",
        "/api/v3/checks/KEY/pause",
        "/api/v3/checks/UUID/pings/-1/body",
        "/api/v3/checks/UUID/pings/1/body/",
        "/api/v9/checks/",
        "/api/v3/check/",
    })
    void unknownUrlsAreNotFound(String path) {
        assertThat(t.get(expand(path), "X-Api-Key", t.fx.aliceApiKey).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v3/checks/",
        "/api/v1/checks/UUID",
        "/api/v3/checks/KEY",
        "/api/v3/checks/UUID/pings/",
        "/api/v3/checks/UUID/pings/1/body",
        "/api/v3/checks/UUID/flips/",
        "/api/v3/channels/",
        "/api/v2/channels/",
        "/api/v3/badges/",
    })
    void headIsNotGetOnTheManagementApi(String path) {
        Resp r = t.request("HEAD", expand(path), (String) null, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(405);
        assertThat(t.get(expand(path), "X-Api-Key", t.fx.aliceApiKey).status()).isNotEqualTo(405);
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v3/checks/, 200",
        "GET, /api/v3/checks/UUID, 200",
        "POST, /api/v3/checks/, 201",
        "OPTIONS, /api/v3/checks/, 204",
        "GET, /api/v1/checks, 301",
        "HEAD, /api/v3/checks/, 405",
        "GET, /api/v3/check/, 404",
        "GET, /api/v3/channels/, 200",
        "GET, /api/v3/badges/, 200",
        "GET, /api/v3/status/, 200",
        "GET, /api/v3/metrics/, 403",
    })
    void everyApiAnswerIsNotStoredByCaches(String method, String path, int status) {
        String body = method.equals("POST") ? "{\"name\": \"no-store\"}" : null;
        Resp r = t.request(method, expand(path), body, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void answersOutsideTheApiKeepTheirOwnCaching() {
        Resp ping = t.request("HEAD", "/ping/" + check.code(), (String) null);
        assertThat(ping.status()).isEqualTo(200);
        assertThat(t.get("/nothing-here").header("Cache-Control")).isNull();
    }
}
