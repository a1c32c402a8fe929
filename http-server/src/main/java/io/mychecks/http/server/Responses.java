package io.mychecks.http.server;

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

    /** Adds the reference's never-cache headers. */
    public static void noCache(HttpServerExchange exchange) {
        exchange.getResponseHeaders()
                .put(
                        Headers.CACHE_CONTROL,
                        "max-age=0, no-cache, no-store, must-revalidate, private")
                .put(Headers.EXPIRES, "0");
    }
}
