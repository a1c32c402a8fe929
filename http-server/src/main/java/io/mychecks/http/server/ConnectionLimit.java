package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.LongSupplier;

/**
 * Turns requests away with {@code 503} and {@code Retry-After: 1}, closing their connection, while
 * more connections are open than the soft limit: a flood of clients gets a clear answer that common
 * clients retry, and the memory each open connection costs stays bounded. (Past the hard limit, a
 * little higher, the server stops accepting and new connections wait in the backlog.)
 */
public final class ConnectionLimit implements HttpHandler {
    private final HttpHandler next;
    private final LongSupplier openConnections;
    private final long limit;

    public ConnectionLimit(HttpHandler next, LongSupplier openConnections, long limit) {
        this.next = next;
        this.openConnections = openConnections;
        this.limit = limit;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (openConnections.getAsLong() > limit) {
            exchange.setPersistent(false);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            Responses.text(exchange, 503, "too many connections, try again");
            return;
        }
        next.handleRequest(exchange);
    }
}
