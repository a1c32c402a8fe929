package io.mychecks.http.badges;

import io.mychecks.core.badges.BadgeService;
import io.mychecks.core.badges.RenderedBadge;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.http.server.Busy;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves badge images and badge JSON: {@code /badge/<key>/<sig>/<tag>.<fmt>}, {@code
 * /badge/<key>/<sig>.<fmt>} and {@code /b/<states>/<key>.<fmt>}. GET and HEAD only (OPTIONS answers
 * the CORS preflight), never cached, readable from any origin. Every failure — a path that does not
 * parse, a bad format or signature, an unknown key — is 404; too many project badges computed at
 * once is 503 with Retry-After.
 */
public final class BadgeHandler {
    private static final HttpString ALLOW_ORIGIN =
            HttpString.tryFromString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_HEADERS =
            HttpString.tryFromString("Access-Control-Allow-Headers");
    private static final HttpString ALLOW_METHODS =
            HttpString.tryFromString("Access-Control-Allow-Methods");
    private static final HttpString MAX_AGE = HttpString.tryFromString("Access-Control-Max-Age");

    private final BadgeService badges;

    public BadgeHandler(BadgeService badges) {
        this.badges = badges;
    }

    /** {@code /badge/{key}/{sig}/{file}}: the badge of one tag. */
    public HttpHandler tagged() {
        return handler(
                ex ->
                        BadgePath.tagged(
                                        Router.param(ex, "key"),
                                        Router.param(ex, "sig"),
                                        Router.param(ex, "file"))
                                .flatMap(
                                        p ->
                                                badges.projectBadge(
                                                        p.badgeKey(),
                                                        p.signature(),
                                                        p.tag(),
                                                        p.format())));
    }

    /** {@code /badge/{key}/{file}}: the badge of all checks. */
    public HttpHandler all() {
        return handler(
                ex ->
                        BadgePath.all(Router.param(ex, "key"), Router.param(ex, "file"))
                                .flatMap(
                                        p ->
                                                badges.projectBadge(
                                                        p.badgeKey(),
                                                        p.signature(),
                                                        p.tag(),
                                                        p.format())));
    }

    /** {@code /b/{states}/{file}}: the badge of one check. */
    public HttpHandler check() {
        return handler(
                ex ->
                        BadgePath.check(Router.param(ex, "states"), Router.param(ex, "file"))
                                .flatMap(
                                        p ->
                                                badges.checkBadge(
                                                        p.badgeKey(), p.mode(), p.format())));
    }

    private static HttpHandler handler(Function<HttpServerExchange, Optional<RenderedBadge>> find) {
        return new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange ex) {
                if (ex.isInIoThread()) {
                    ex.dispatch(this);
                    return;
                }
                cors(ex);
                Responses.noCache(ex);
                String method = ex.getRequestMethod().toString();
                if (method.equals("OPTIONS")) {
                    Responses.empty(ex, 204);
                } else if (!method.equals("GET") && !method.equals("HEAD")) {
                    Responses.empty(ex, 405);
                } else {
                    try {
                        send(ex, find.apply(ex));
                    } catch (ScanLimiter.BusyException e) {
                        Busy.send(ex);
                    }
                }
            }
        };
    }

    private static void send(HttpServerExchange ex, Optional<RenderedBadge> badge) {
        if (badge.isEmpty()) {
            Responses.text(ex, 404, "not found");
            return;
        }
        ex.setStatusCode(200);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, badge.get().format().mediaType());
        ex.getResponseSender()
                .send(ByteBuffer.wrap(badge.get().body().getBytes(StandardCharsets.UTF_8)));
    }

    private static void cors(HttpServerExchange ex) {
        ex.getResponseHeaders()
                .put(ALLOW_ORIGIN, "*")
                .put(ALLOW_HEADERS, "X-Api-Key")
                .put(ALLOW_METHODS, "GET, OPTIONS")
                .put(MAX_AGE, "600");
    }
}
