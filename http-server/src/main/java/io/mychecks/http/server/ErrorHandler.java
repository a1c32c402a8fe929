package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an unexpected exception into a 500 with a short message; the trace goes to the log only.
 */
public final class ErrorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final HttpHandler next;

    public ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable t) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), t);
            if (!exchange.isResponseStarted()) {
                exchange.getResponseHeaders().clear();
                Responses.text(exchange, 500, "internal error");
            } else {
                exchange.endExchange();
            }
        }
    }
}
