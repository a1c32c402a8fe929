package io.mychecks.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsApiTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String WEBHOOK =
            "{\"kind\": \"webhook\", \"name\": \"Hook\", \"url_down\": \"https://example.org/down?n=$NAME\","
                    + " \"method_down\": \"POST\", \"body_down\": \"$JSON\", \"headers_down\": {\"Content-Type\": \"application/json\"}}";
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of("EMAIL_USE_VERIFICATION", "False"));
    }

    @AfterAll
    void stop() {
        t.close();
    }

    static JsonNode json(Resp r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    Resp create(String body) {
        return t.post("/api/v3/channels/", body, "X-Api-Key", t.fx.aliceApiKey);
    }

    Optional<Channel> stored(String code) {
        return t.app.channels().findByCode(t.app.database().dsl(), UUID.fromString(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v3"})
    void listShowsTheProjectsChannelsInEveryVersion(String version) {
        String id = json(create(WEBHOOK)).get("id").asText();
        Resp r = t.get("/api/" + version + "/channels/", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode channels = json(r).get("channels");
        List<String> ids = new ArrayList<>();
        channels.forEach(
                c -> {
                    assertThat(keys(c)).containsExactly("id", "name", "kind");
                    ids.add(c.get("id").asText());
                });
        assertThat(ids).contains(id);
        assertThat(channels.get(0).get("kind").asText())
                .isEqualTo("email"); // Alice's first, from sign-up
        List<Channel> bobs =
                t.app.channels().listForProject(t.app.database().dsl(), t.fx.bobProject.id());
        assertThat(ids).doesNotContain(bobs.get(0).code().toString());
    }

    @Test
    void listNeedsTheReadWriteKey() {
        Resp ro = t.get("/api/v3/channels/", "X-Api-Key", t.fx.aliceReadonlyKey);
        assertThat(ro.status()).isEqualTo(401);
        assertThat(ro.body()).isEqualTo("{\"error\":\"wrong api key\"}");
        assertThat(t.get("/api/v1/channels/").body()).isEqualTo("{\"error\":\"missing api key\"}");
    }

    @Test
    void createEmailChannelAnswersItsFields() {
        Resp r =
                create(
                        "{\"kind\": \"email\", \"name\": \"Ops\", \"email\": \"ops@example.org\", \"up\": false}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(keys(c)).containsExactly("id", "name", "kind", "email", "up", "down");
        assertThat(c.get("name").asText()).isEqualTo("Ops");
        assertThat(c.get("kind").asText()).isEqualTo("email");
        assertThat(c.get("email").asText()).isEqualTo("ops@example.org");
        assertThat(c.get("up").asBoolean()).isFalse();
        assertThat(c.get("down").asBoolean()).isTrue();
        Channel s = stored(c.get("id").asText()).orElseThrow();
        assertThat(s.projectId()).isEqualTo(t.fx.aliceProject.id());
        assertThat(s.emailVerified()).isTrue(); // EMAIL_USE_VERIFICATION=False in this class
    }

    @Test
    void createWebhookChannelAnswersTheStoredFields() {
        Resp r = create(WEBHOOK);
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(keys(c))
                .containsExactly(
                        "id",
                        "name",
                        "kind",
                        "body_down",
                        "body_up",
                        "headers_down",
                        "headers_up",
                        "method_down",
                        "method_up",
                        "url_down",
                        "url_up");
        assertThat(c.get("url_down").asText()).isEqualTo("https://example.org/down?n=$NAME");
        assertThat(c.get("headers_down").get("Content-Type").asText())
                .isEqualTo("application/json");
        assertThat(c.get("headers_up").size()).isZero();
        assertThat(c.get("method_up").asText()).isEqualTo("GET");
        assertThat(stored(c.get("id").asText()).orElseThrow().kind()).isEqualTo("webhook");
    }

    @Test
    void channelAnswersNeverEchoCredentials() {
        String body =
                "{\"kind\": \"webhook\", \"name\": \"Secret hook\","
                        + " \"url_down\": \"https://bob:hunter2@hooks.example.org/d?token=tok123&n=$NAME\","
                        + " \"url_up\": \"https://hooks.example.org/u#sig=frag456\","
                        + " \"headers_down\": {\"X-Hub-Key\": \"hubkey789\", \"Accept\": \"text/plain\"},"
                        + " \"headers_up\": {\"Authorization\": \"Bearer bearer000\","
                        + " \"Cookie\": \"sid=cookie111\", \"X-Session\": \"sess222\"}}";
        Resp created = create(body);
        assertThat(created.status()).isEqualTo(201);
        String id = json(created).get("id").asText();
        Resp listed = t.get("/api/v3/channels/", "X-Api-Key", t.fx.aliceApiKey);
        Resp deleted =
                t.request(
                        "DELETE",
                        "/api/v3/channels/" + id,
                        (String) null,
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        for (Resp r : new Resp[] {created, listed, deleted}) {
            assertThat(r.body())
                    .doesNotContain(
                            "hunter2",
                            "bob:",
                            "tok123",
                            "frag456",
                            "hubkey789",
                            "bearer000",
                            "cookie111",
                            "sess222");
        }
        JsonNode c = json(created);
        assertThat(c.get("url_down").asText())
                .isEqualTo("https://********@hooks.example.org/d?token=********&n=$NAME");
        assertThat(c.get("url_up").asText()).isEqualTo("https://hooks.example.org/u#********");
        assertThat(c.get("headers_down").get("X-Hub-Key").asText()).isEqualTo("********");
        assertThat(c.get("headers_down").get("Accept").asText()).isEqualTo("text/plain");
        assertThat(c.get("headers_up").get("Authorization").asText()).isEqualTo("********");
        assertThat(json(deleted).get("headers_up").get("Cookie").asText()).isEqualTo("********");
    }

    @Test
    void newChannelIsNotAssignedToAnyCheck() {
        Check check = t.fx.aliceCheck(b -> b.name = "existing");
        String id = json(create(WEBHOOK)).get("id").asText();
        List<UUID> assigned = t.app.channels().codesForCheck(t.app.database().dsl(), check.id());
        assertThat(assigned).doesNotContain(UUID.fromString(id));
    }

    @Test
    void apiKeyInTheBodyIsAccepted() {
        String body =
                "{\"api_key\": \""
                        + t.fx.aliceApiKey
                        + "\", \"kind\": \"email\", \"value\": \"a@example.org\"}";
        assertThat(t.post("/api/v3/channels/", body).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{'value': 'a@example.org'}                      | json validation error: kind is required",
                "{'kind': 5}                                     | json validation error: kind is not a string",
                "{'kind': 'carrier-pigeon'}                      | unknown or disabled channel kind: carrier-pigeon",
                "{'kind': 'email', 'name': 7, 'value': 'a@b.org'} | json validation error: name is not a string",
                "{'kind': 'email', 'name': 'a\\u0000b', 'value': 'a@b.org'} | json validation error: name contains a NUL character",
                "{'kind': 'webhook', 'name': '\\u0000', 'url_up': 'http://e.org/'} | json validation error: name contains a NUL character",
                "{'kind': 'email'}                               | json validation error: email is required",
                "{'kind': 'email', 'email': 'nope'}              | json validation error: email is not a valid email address",
                "{'kind': 'email', 'email': 5}                   | json validation error: email is not a string",
                "{'kind': 'email', 'value': 'nope'}              | json validation error: value is not a valid email address",
                "{'kind': 'email', 'value': 'a@b.org', 'up': 'x'} | json validation error: up is not a boolean",
                "{'kind': 'webhook'}                             | json validation error: at least one of url_down and url_up is required",
                "{'kind': 'webhook', 'url_up': 'file:///etc/passwd'} | json validation error: url_up is not a valid http or https URL",
                "{'kind': 'webhook', 'url_up': 'http://e.org/', 'method_up': 'PATCH'} | json validation error: method_up has unexpected value",
                "{'kind': 'webhook', 'url_up': 'http://e.org/', 'headers_up': ['X: y']} | json validation error: headers_up is not an object",
                "{'kind': 'webhook', 'url_up': 'http://e.org/', 'headers_up': {'Transfer-Encoding': 'chunked'}} | json validation error: header Transfer-Encoding in headers_up is not allowed",
                "{'kind': 'webhook', 'url_up': 'http://e.org/', 'headers_down': {'Content-Length': '0'}} | json validation error: header Content-Length in headers_down is not allowed",
                "{'kind': 'webhook', 'url_up': 'http://e.org/', 'headers_up': {'X-A': 'v\\r\\nX-B: w'}} | json validation error: the value of header X-A in headers_up contains control characters",
                "[1, 2]                                          | json validation error: value is not an object",
                "{not json                                       | could not parse request body",
            })
    void createRejectsBadInput(String body, String error) {
        Resp r = create(body.replace('\'', '"'));
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo(error);
    }

    @Test
    void createRejectsLongNames() {
        Resp r =
                create(
                        "{\"kind\": \"email\", \"value\": \"a@b.org\", \"name\": \""
                                + "n".repeat(101)
                                + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"json validation error: name is too long\"}");
        assertThat(
                        create(
                                        "{\"kind\": \"email\", \"value\": \"a@b.org\", \"name\": \""
                                                + "n".repeat(100)
                                                + "\"}")
                                .status())
                .isEqualTo(201);
    }

    @Test
    void createNeedsTheReadWriteKeyAndVersion3() {
        String body = "{\"kind\": \"email\", \"value\": \"a@example.org\"}";
        Resp ro = t.post("/api/v3/channels/", body, "X-Api-Key", t.fx.aliceReadonlyKey);
        assertThat(ro.status()).isEqualTo(401);
        assertThat(ro.body()).isEqualTo("{\"error\":\"wrong api key\"}");
        assertThat(t.post("/api/v1/channels/", body, "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(405);
        assertThat(t.post("/api/v2/channels/", body, "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(405);
    }

    @Test
    void deleteAnswersTheDeletedChannelAndRemovesIt() {
        String id = json(create(WEBHOOK)).get("id").asText();
        Resp r =
                t.request(
                        "DELETE",
                        "/api/v3/channels/" + id,
                        (String) null,
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = json(r);
        assertThat(c.get("id").asText()).isEqualTo(id);
        assertThat(c.get("kind").asText()).isEqualTo("webhook");
        assertThat(c.get("url_down").asText()).isEqualTo("https://example.org/down?n=$NAME");
        assertThat(stored(id)).isEmpty();
        Resp again =
                t.request(
                        "DELETE",
                        "/api/v3/channels/" + id,
                        (String) null,
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"error\":\"not found\"}");
    }

    @Test
    void deletingAnAssignedChannelUnassignsIt() {
        Check check = t.fx.aliceCheck(b -> b.name = "assigned");
        Channel ch = stored(json(create(WEBHOOK)).get("id").asText()).orElseThrow();
        t.app.database()
                .inTransactionRun(
                        cfg ->
                                t.app.channels()
                                        .setForCheck(cfg.dsl(), check.id(), List.of(ch.id())));
        assertThat(
                        t.request(
                                        "DELETE",
                                        "/api/v3/channels/" + ch.code(),
                                        (String) null,
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(200);
        assertThat(t.app.channels().codesForCheck(t.app.database().dsl(), check.id())).isEmpty();
    }

    @Test
    void deleteOfUnknownOrForeignChannelIsNotFound() {
        String bobs =
                t.app.channels()
                        .listForProject(t.app.database().dsl(), t.fx.bobProject.id())
                        .get(0)
                        .code()
                        .toString();
        for (String id :
                List.of(UUID.randomUUID().toString(), bobs, "not-a-uuid", bobs.toUpperCase())) {
            Resp r =
                    t.request(
                            "DELETE",
                            "/api/v3/channels/" + id,
                            (String) null,
                            "X-Api-Key",
                            t.fx.aliceApiKey);
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.body()).isEqualTo("{\"error\":\"not found\"}");
        }
        assertThat(stored(bobs)).isPresent();
    }

    @Test
    void deleteNeedsTheReadWriteKey() {
        String id = json(create(WEBHOOK)).get("id").asText();
        Resp r =
                t.request(
                        "DELETE",
                        "/api/v3/channels/" + id,
                        (String) null,
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(401);
        assertThat(stored(id)).isPresent();
        assertThat(t.get("/api/v3/channels/" + id, "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(405);
    }

    @Test
    void optionsAnswersCors() {
        Resp r = t.request("OPTIONS", "/api/v3/channels/", (String) null);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, OPTIONS");
    }

    @Test
    void webhooksCannotBeCreatedWhenDisabled() {
        try (TestApp off = new TestApp(Map.of("WEBHOOKS_ENABLED", "False"))) {
            Resp r = off.post("/api/v3/channels/", WEBHOOK, "X-Api-Key", off.fx.aliceApiKey);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body())
                    .isEqualTo("{\"error\":\"unknown or disabled channel kind: webhook\"}");
        }
    }
}
