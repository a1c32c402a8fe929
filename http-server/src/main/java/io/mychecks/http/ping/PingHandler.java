package io.mychecks.http.ping;

import io.mychecks.core.pings.PingIntake;
import io.mychecks.core.pings.PingResult;
import io.mychecks.http.server.BoundedBody;
import io.mychecks.http.server.ClientAddress;
import io.mychecks.http.server.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.util.Arrays;
import java.util.Deque;
import java.util.OptionalInt;

/**
 * Serves {@code /ping/...} for every HTTP method without blocking an I/O thread: the body is read
 * asynchronously, the ping is queued for the group commit, and the answer is sent when the commit
 * completes.
 */
public final class PingHandler implements HttpHandler {
    /** The reference's hard cap on a request body; larger requests get 400. */
    public static final int MAX_REQUEST_BODY = 2_621_440;

    private static final HttpString PING_BODY_LIMIT = HttpString.tryFromString("Ping-Body-Limit");
    private static final HttpString ALLOW_ORIGIN =
            HttpString.tryFromString("Access-Control-Allow-Origin");

    private final PingIntake intake;
    private final OptionalInt bodyLimit;
    private final ClientAddress clientAddress;

    public PingHandler(PingIntake intake, OptionalInt bodyLimit, ClientAddress clientAddress) {
        this.intake = intake;
        this.bodyLimit = bodyLimit;
        this.clientAddress = clientAddress;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*");
        Responses.noCache(exchange);
        bodyLimit.ifPresent(limit -> exchange.getResponseHeaders().put(PING_BODY_LIMIT, limit));
        long declared = exchange.getRequestContentLength();
        if (declared > MAX_REQUEST_BODY) {
            Responses.text(exchange, 400, "request body too large");
            return;
        }
        if (declared == 0 || (declared < 0 && !exchange.isRequestChannelAvailable())) {
            handle(exchange, null);
            return;
        }
        BoundedBody.receive(
                exchange,
                bodyLimit.orElse(MAX_REQUEST_BODY),
                MAX_REQUEST_BODY,
                this::handle,
                ex -> Responses.text(ex, 400, "request body too large"));
    }

    private void handle(HttpServerExchange exchange, byte[] raw) {
        byte[] body = raw == null || raw.length == 0 ? null : cut(raw);
        PingRequestParser.Context ctx =
                new PingRequestParser.Context(
                        exchange.getRequestMethod().toString(),
                        query(exchange, "rid"),
                        "1".equals(query(exchange, "create")),
                        clientAddress.forPing(exchange),
                        clientAddress.scheme(exchange),
                        exchange.getRequestHeaders().getFirst(Headers.USER_AGENT),
                        body);
        String path = exchange.getRelativePath();
        PingRequest request =
                PingRequestParser.parse(path.startsWith("/ping/") ? path.substring(6) : "", ctx);
        if (request.isAnswer()) {
            Responses.text(exchange, request.status(), request.body());
            return;
        }
        // answer on the connection's own I/O thread, not on the database writer thread
        exchange.dispatch(
                SameThreadExecutor.INSTANCE,
                () ->
                        intake.submit(request.event())
                                .whenComplete(
                                        (result, error) ->
                                                exchange.getIoThread()
                                                        .execute(() -> respond(exchange, result))));
    }

    private byte[] cut(byte[] raw) {
        int limit = bodyLimit.orElse(Integer.MAX_VALUE);
        return raw.length > limit ? Arrays.copyOf(raw, limit) : raw;
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        // the last value wins when a parameter repeats, as in the reference
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    static void respond(HttpServerExchange exchange, PingResult result) {
        PingResult.Outcome outcome =
                result == null ? PingResult.Outcome.UNAVAILABLE : result.outcome();
        switch (outcome) {
            case OK:
                Responses.text(exchange, 200, "OK");
                break;
            case CREATED:
                Responses.text(exchange, 201, "Created");
                break;
            case NOT_FOUND:
                Responses.text(exchange, 404, "not found");
                break;
            case AMBIGUOUS_SLUG:
                Responses.text(exchange, 409, "ambiguous slug");
                break;
            case INVALID_URL:
                Responses.text(exchange, 400, "invalid url format");
                break;
            case INVALID_RID:
                Responses.text(exchange, 400, "invalid uuid format");
                break;
            default:
                // curl --retry and the common clients retry a 503 after Retry-After
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                Responses.text(exchange, 503, "service unavailable, try again");
        }
    }
}
