package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/** Adds headers that make browsers treat every answer safely (no sniffing, no framing). */
public final class SecurityHeaders implements HttpHandler {
    private static final HttpString NOSNIFF = HttpString.tryFromString("X-Content-Type-Options");
    private static final HttpString FRAME = HttpString.tryFromString("X-Frame-Options");
    private static final HttpString REFERRER = HttpString.tryFromString("Referrer-Policy");
    private final HttpHandler next;

    public SecurityHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders()
                .put(NOSNIFF, "nosniff")
                .put(FRAME, "DENY")
                .put(REFERRER, "same-origin");
        next.handleRequest(exchange);
    }
}
