package io.mychecks.http.logging;

import static io.mychecks.core.db.schema.Tables.CHANNELS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.alerts.AlertLoop;
import io.mychecks.core.testing.HttpSink;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full run as users make it, good and bad requests, an alert through a webhook whose URL carries
 * credentials, and a failing one; then the log, as the daemon writes it, and the stored errors are
 * scanned for every secret the run used.
 */
class SecretsStayOutOfLogsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noCheckUuidKeyTokenOrCredentialReachesTheLogOrAStoredError() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // the daemon's own logging configuration, not the tests' (which the classpath prefers)
        context.reset();
        JoranConfigurator production = new JoranConfigurator();
        production.setContext(context);
        production.doConfigure(getClass().getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{0}: %msg%n%ex");
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        root.addAppender(appender);
        List<String> secrets = new ArrayList<>();
        try (HttpSink sink = new HttpSink();
                HttpSink failing = new HttpSink().respond(500);
                TestApp t = new TestApp(Map.of("INTEGRATIONS_ALLOW_PRIVATE_IPS", "True"))) {
            AlertLoop loop = t.app.alertLoop();
            loop.start();
            try {
                String key = t.fx.aliceApiKey;
                secrets.add(key);
                secrets.add(t.fx.alicePingKey);
                String hook =
                        sink.url("/hook/$NAME?token=s3cr3t-token")
                                .replace("http://", "http://hookuser:hookpass@");
                String failingHook = failing.url("/fail?apikey=an0ther-secret");
                secrets.addAll(List.of("hookpass", "s3cr3t-token", "an0ther-secret"));
                JsonNode good = post(t, key, "/api/v3/channels/", webhook("good", hook));
                JsonNode bad = post(t, key, "/api/v3/channels/", webhook("bad", failingHook));
                JsonNode check =
                        post(
                                t,
                                key,
                                "/api/v3/checks/",
                                "{\"name\": \"db backup\", \"slug\": \"db-backup\","
                                        + " \"channels\": \""
                                        + good.get("id").asText()
                                        + ","
                                        + bad.get("id").asText()
                                        + "\"}");
                String code = check.get("uuid").asText();
                secrets.add(code);
                secrets.add(code.replace("-", ""));

                assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
                assertThat(t.get("/ping/" + t.fx.alicePingKey + "/db-backup/start").status())
                        .isEqualTo(200);
                assertThat(t.get("/ping/" + code + "/fail").status()).isEqualTo(200);
                // bad requests of every kind
                t.get("/ping/" + code + "/999");
                t.get("/ping/" + code + "?rid=not-a-uuid");
                t.get("/ping/" + t.fx.alicePingKey + "/No-Such/fail");
                t.get("/api/v3/checks/" + code, "X-Api-Key", "hcw_wrongwrongwrongwrongwrongwron");
                t.post("/api/v3/checks/" + code, "{\"timeout\": \"x\"}", "X-Api-Key", key);
                t.get("/projects/" + t.fx.aliceProject.code() + "/metrics/" + key);
                t.get("/badge/" + t.fx.alicePingKey + "/nosig/db-backup.svg");

                await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
                await().atMost(Duration.ofSeconds(10)).until(() -> !failing.requests().isEmpty());
                await().atMost(Duration.ofSeconds(10)).until(() -> !lastError(t, key).isEmpty());
                String stored = lastError(t, key);
                for (String secret : secrets) {
                    assertThat(stored).doesNotContain(secret);
                }
            } finally {
                loop.stop();
            }
        } finally {
            appender.stop();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("goes down"); // the run did log its alerts
        for (String secret : secrets) {
            assertThat(log).as("the log holds %s", secret).doesNotContain(secret);
        }
    }

    private static String webhook(String name, String url) {
        return "{\"kind\": \"webhook\", \"name\": \""
                + name
                + "\", \"url_down\": \""
                + url
                + "\", \"method_down\": \"POST\"}";
    }

    private static JsonNode post(TestApp t, String key, String path, String body) throws Exception {
        Resp r = t.post(path, body, "X-Api-Key", key);
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    /** The stored errors of every channel and delivery. */
    private static String lastError(TestApp t, String key) {
        var ctx = t.app.database().dsl();
        StringBuilder out = new StringBuilder();
        ctx.select(CHANNELS.LAST_ERROR)
                .from(CHANNELS)
                .fetch(CHANNELS.LAST_ERROR)
                .forEach(out::append);
        ctx.select(NOTIFICATIONS.ERROR)
                .from(NOTIFICATIONS)
                .fetch(NOTIFICATIONS.ERROR)
                .forEach(out::append);
        return out.toString();
    }
}
