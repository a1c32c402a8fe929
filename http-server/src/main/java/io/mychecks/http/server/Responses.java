package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Small helpers to send complete responses. */
public final class Responses {
    private Responses() {}

    /** Sends {@code body} as UTF-8 plain text with {@code status}. */
    public static void text(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends already-serialized JSON with {@code status}. */
    public static void json(HttpServerExchange exchange, int status, byte[] json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }

    /** Ends the exchange with {@code status} and no body. */
    public static void empty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    /**
     * Returns a handler that marks every answer to a path under {@code prefix} {@code
     * Cache-Control: no-store} (keys, check names and ping bodies stay out of caches), then calls
     * {@code next}. Handlers may still set their own, stricter, never-cache headers.
     */
    public static HttpHandler noStoreUnder(String prefix, HttpHandler next) {
        return exchange -> {
            if (exchange.getRelativePath().startsWith(prefix)) {
                exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            }
            next.handleRequest(exchange);
        };
    }

    /** Adds the reference's never-cache headers. */
    public static void noCache(HttpServerExchange exchange) {
        exchange.getResponseHeaders()
                .put(
                        Headers.CACHE_CONTROL,
                        "max-age=0, no-cache, no-store, must-revalidate, private")
                .put(Headers.EXPIRES, "0");
    }
}
