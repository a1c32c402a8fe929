package io.mychecks.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that records every request (method, path, query, headers, body) and
 * answers from a programmable queue of responses (200 when the queue is empty), optionally after a
 * delay. Tests check what a notifier sent, not a mock.
 */
public final class HttpSink implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
    private volatile Duration delay = Duration.ZERO;

    /** One recorded request; header names are lower-case, values as received (latin-1). */
    public record Request(
            String method,
            String path,
            String rawPath,
            String query,
            Map<String, List<String>> headers,
            byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A response to give: a status and extra headers (e.g. Location). */
    public record Response(int status, Map<String, String> headers) {}

    public HttpSink() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return url() + path;
    }

    /** Queues the status of the next response. */
    public HttpSink respond(int status) {
        return respond(status, Map.of());
    }

    public HttpSink respond(int status, Map<String, String> headers) {
        responses.add(new Response(status, headers));
        return this;
    }

    /** Delays every response from now on. */
    public HttpSink delay(Duration d) {
        this.delay = d;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The only request received; fails when there is none or more than one. */
    public Request single() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    public void clear() {
        requests.clear();
        responses.clear();
        delay = Duration.ZERO;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        ex.getRequestHeaders()
                .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        requests.add(
                new Request(
                        ex.getRequestMethod(),
                        ex.getRequestURI().getPath(),
                        ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(),
                        headers,
                        body));
        Response r = responses.poll();
        if (r == null) {
            r = new Response(200, Map.of());
        }
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), -1);
        ex.close();
    }
}
