package io.mychecks.http.testing;

import io.mychecks.core.Appliance;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import io.mychecks.http.app.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole appliance on a random port over a fresh database (SQLite, or PostgreSQL when {@code
 * -Dmychecks.test.db=postgres}), seeded with Alice, Bob and Charlie. Time comes from a {@link
 * MutableClock} that starts at the real time.
 */
public final class TestApp implements AutoCloseable {
    public final TestDatabase db;
    public final MutableClock clock;
    public final Appliance app;
    public final HttpServer server;
    public final Fixtures fx;
    private final Path dataDir;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A simple response: status, body as text, headers (first value, lower-case names). */
    public record Resp(int status, String body, byte[] bytes, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public TestApp() {
        this(Map.of());
    }

    /** Starts an app with extra settings (e.g. {@code Map.of("PING_BODY_LIMIT", "100")}). */
    public TestApp(Map<String, String> extraSettings) {
        try {
            this.dataDir = Files.createTempDirectory("mychecks-app");
            Map<String, String> values = new HashMap<>();
            values.put("SECRET_KEY", "test-secret-key");
            values.put("DATA_DIR", dataDir.toString());
            values.put("HTTP_LISTEN", "127.0.0.1:0");
            values.put("SMTP_LISTEN", "");
            values.put("SITE_ROOT", "http://localhost:8000");
            values.putAll(extraSettings);
            Settings settings = Settings.of(values);
            this.db = TestDatabases.current();
            this.clock = new MutableClock(Instant.now());
            this.app = new Appliance(settings, clock, db.database());
            this.server = new HttpServer(app, settings.httpListen());
            app.pingIntake().start();
            server.start();
            this.fx = Fixtures.seed(app);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    public Resp get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    public Resp request(String method, String path, String body, String... headers) {
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body);
        return send(
                HttpRequest.newBuilder(URI.create(url(path))).method(method, publisher), headers);
    }

    public Resp request(String method, String path, byte[] body, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)),
                headers);
    }

    public Resp post(String path, String body, String... headers) {
        return request("POST", path, body, headers);
    }

    private Resp send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r =
                    client.send(
                            builder.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> h = new HashMap<>();
            r.headers()
                    .map()
                    .forEach((k, v) -> h.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
            return new Resp(
                    r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), h);
        } catch (java.net.http.HttpTimeoutException e) {
            // a request that never got its answer: say what every thread was doing, for the report
            dumpThreads();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void dumpThreads() {
        StringBuilder sb = new StringBuilder("request timed out; threads:\n");
        Thread.getAllStackTraces()
                .forEach(
                        (thread, frames) -> {
                            sb.append('"')
                                    .append(thread.getName())
                                    .append("\" ")
                                    .append(thread.getState())
                                    .append('\n');
                            for (StackTraceElement f : frames) {
                                sb.append("    at ").append(f).append('\n');
                            }
                        });
        System.err.println(sb);
    }

    @Override
    public void close() {
        server.stop();
        app.pingIntake().stop();
        db.close();
        // the data directory holds at most a generated secret key: leave nothing behind
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary directory
        }
    }
}
