package io.mychecks.http.metrics;

import io.mychecks.core.metrics.ProjectMetrics;
import io.mychecks.http.server.Busy;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A project's Prometheus metrics: {@code /projects/<code>/metrics/<key>}, the legacy {@code
 * /projects/<code>/checks/metrics/<key>}, and {@code /projects/<code>/metrics/} with {@code
 * Authorization: Bearer <key>}. Answers 404 when PROMETHEUS_ENABLED is False or the code is no
 * UUID, 401 without a bearer key, 400 for a key that is not 32 characters, 403 for a key that is
 * not the read-only key of that project, 503 when too many project scans run at once; otherwise 200
 * with the text exposition, streamed.
 */
public final class PrometheusHandler implements HttpHandler {
    private static final Pattern UUID_LOWER =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String BEARER = "Bearer ";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final int BUFFER = 64 * 1024;

    private final ProjectMetrics metrics;
    private final boolean enabled;

    public PrometheusHandler(ProjectMetrics metrics, boolean enabled) {
        this.metrics = metrics;
        this.enabled = enabled;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws IOException {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        String code = Router.param(ex, "code");
        if (!enabled || code == null || !UUID_LOWER.matcher(code).matches()) {
            Responses.text(ex, 404, "not found");
            return;
        }
        String key = Router.param(ex, "key");
        if (key == null) {
            String auth = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (auth == null || !auth.startsWith(BEARER)) {
                Responses.empty(ex, 401);
                return;
            }
            key = auth.substring(BEARER.length());
        }
        ProjectMetrics.Result result = metrics.scrape(UUID.fromString(code), key);
        switch (result.outcome()) {
            case BAD_KEY -> Responses.empty(ex, 400);
            case FORBIDDEN -> Responses.empty(ex, 403);
            case BUSY -> Busy.send(ex);
            case OK -> {
                ex.setStatusCode(200);
                ex.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
                ex.startBlocking();
                try (Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(
                                        ex.getOutputStream(), StandardCharsets.UTF_8),
                                BUFFER)) {
                    result.exposition().writeTo(out);
                }
            }
        }
    }
}
