package io.mychecks.http.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.alerts.AlertLoop;
import io.mychecks.core.testing.HttpSink;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole alert path as a user sets it up: a webhook integration and a check created through the
 * API, the daemon's alert loop running, pings over HTTP, the webhook received by a real loopback
 * server.
 */
class AlertFlowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp t;
    HttpSink sink;
    AlertLoop loop;

    @BeforeEach
    void start() {
        t = new TestApp(Map.of("INTEGRATIONS_ALLOW_PRIVATE_IPS", "True"));
        sink = new HttpSink();
        loop = t.app.alertLoop();
        loop.start();
    }

    @AfterEach
    void stop() {
        loop.stop();
        sink.close();
        t.close();
    }

    JsonNode post(String path, String body) throws Exception {
        Resp r = t.post(path, body, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    String webhookCheck(String name) throws Exception {
        JsonNode channel =
                post(
                        "/api/v3/channels/",
                        "{\"kind\": \"webhook\", \"name\": \"sink\","
                                + " \"url_down\": \""
                                + sink.url("/down/$NAME")
                                + "\", \"url_up\": \""
                                + sink.url("/up/$NAME")
                                + "\","
                                + " \"method_down\": \"POST\", \"body_down\": \"$STATUS $CODE $EXITSTATUS\"}");
        JsonNode check =
                post(
                        "/api/v3/checks/",
                        "{\"name\": \""
                                + name
                                + "\", \"timeout\": 60, \"grace\": 60,"
                                + " \"channels\": \""
                                + channel.get("id").asText()
                                + "\"}");
        return check.get("uuid").asText();
    }

    @Test
    void aFailingJobSendsTheDownWebhookAndRecoverySendsTheUpWebhook() throws Exception {
        String code = webhookCheck("backup");
        t.get("/ping/" + code);
        assertThat(t.get("/ping/" + code + "/3").body()).isEqualTo("OK");
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.requests().size() == 1);
        HttpSink.Request down = sink.requests().get(0);
        assertThat(down.method()).isEqualTo("POST");
        assertThat(down.path()).isEqualTo("/down/backup");
        assertThat(down.bodyText()).isEqualTo("down " + code + " 3");
        t.get("/ping/" + code);
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.requests().size() == 2);
        assertThat(sink.requests().get(1).path()).isEqualTo("/up/backup");
    }

    @Test
    void aLateJobGoesDownAfterPeriodAndGraceAndAlertsOnce() throws Exception {
        String code = webhookCheck("nightly");
        t.get("/ping/" + code);
        t.clock.advance(Duration.ofSeconds(119));
        // the loop looks at least once a second; nothing is due yet
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(sink.requests()).isEmpty();
        t.clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.requests().size() == 1);
        assertThat(sink.requests().get(0).path()).isEqualTo("/down/nightly");
        JsonNode check =
                JSON.readTree(
                        t.get("/api/v3/checks/" + code, "X-Api-Key", t.fx.aliceApiKey).body());
        assertThat(check.get("status").asText()).isEqualTo("down");
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(sink.requests()).hasSize(1);
    }

    @Test
    void aWebhookThatFailsIsRetriedUntilItIsDelivered() throws Exception {
        String code = webhookCheck("flaky");
        sink.respond(500);
        t.get("/ping/" + code + "/fail");
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.requests().size() == 1);
        sink.respond(200);
        t.clock.advance(Duration.ofSeconds(11)); // the first retry waits 10 s
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.requests().size() == 2);
        assertThat(sink.requests().get(1).path()).isEqualTo("/down/flaky");
    }
}
