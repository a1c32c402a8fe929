package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests whose {@code Content-Length} is not a number (400), and turns an unexpected
 * exception into a 500 with a short message; the trace goes to the log only.
 */
public final class ErrorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final HttpHandler next;

    public ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!contentLengthValid(exchange.getRequestHeaders().get(Headers.CONTENT_LENGTH))) {
            Responses.text(exchange, 400, "bad request: invalid Content-Length");
            return;
        }
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

    /** Absent, or one value of up to 18 digits (Undertow reads it as a long). */
    static boolean contentLengthValid(HeaderValues values) {
        if (values == null || values.isEmpty()) {
            return true;
        }
        String v = values.getFirst().strip();
        return values.size() == 1
                && !v.isEmpty()
                && v.length() <= 18
                && v.chars().allMatch(Character::isDigit);
    }
}
