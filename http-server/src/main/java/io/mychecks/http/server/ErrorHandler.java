package io.mychecks.http.server;

import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses requests whose {@code Content-Length} is not a number (400), and turns an unexpected
 * exception or error into a 500 {@code internal error}; details go to the log only.
 *
 * <p>A handler dispatched to a worker thread ({@code exchange.dispatch}, {@code BlockingHandler},
 * {@link FullBody}) runs outside this handler's {@code try}: Undertow catches what it throws, keeps
 * it as {@link DefaultResponseListener#EXCEPTION} and ends the exchange, which calls the listener
 * this handler registers, so those failures get the same answer. (Undertow's own log line for them,
 * with the whole stack trace, is switched off in logback.xml: logger {@code io.undertow.request}.)
 *
 * <p>An {@link Error} (a StackOverflowError above all) is logged as one line, not its trace of a
 * thousand frames; an exception is logged with its trace.
 */
public final class ErrorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    /** A path segment this long is a key or a UUID: never written to the log. */
    private static final int SECRET_SEGMENT = 16;

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
        exchange.addDefaultResponseListener(ErrorHandler::answerDispatchedFailure);
        try {
            next.handleRequest(exchange);
        } catch (Throwable t) {
            log(exchange, t);
            if (!exchange.isResponseStarted()) {
                answer500(exchange);
            } else {
                exchange.endExchange();
            }
        }
    }

    /** Called when an exchange ends without a response; answers if a worker's handler threw. */
    private static boolean answerDispatchedFailure(HttpServerExchange exchange) {
        Throwable t = exchange.getAttachment(DefaultResponseListener.EXCEPTION);
        if (t == null) {
            return false;
        }
        log(exchange, t);
        answer500(exchange);
        return true;
    }

    private static void answer500(HttpServerExchange exchange) {
        exchange.getResponseHeaders().clear();
        Responses.text(exchange, 500, "internal error");
    }

    private static void log(HttpServerExchange exchange, Throwable t) {
        String request = exchange.getRequestMethod() + " " + loggable(exchange.getRequestPath());
        if (t instanceof Error) {
            StackTraceElement[] at = t.getStackTrace();
            LOG.error("{} failed: {}{}", request, t, at.length == 0 ? "" : " at " + at[0]);
        } else {
            LOG.error("{} failed", request, t);
        }
    }

    /** The path with every segment of 16 characters or more (keys, UUIDs) shown as {@code …}. */
    static String loggable(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].length() >= SECRET_SEGMENT) {
                segments[i] = "…";
            }
        }
        return String.join("/", segments);
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
