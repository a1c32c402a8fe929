package io.mychecks.http.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.metrics.ServiceHealth;
import io.mychecks.core.metrics.ServiceMetrics;
import io.mychecks.http.api.Json;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/**
 * {@code /api/vN/metrics/}, any method: 200 {@code {"ts", "max_ping_id", "max_notification_id",
 * "num_unprocessed_flips"}} when the {@code X-Metrics-Key} header equals METRICS_KEY, else 403 with
 * an empty body (always 403 while METRICS_KEY is unset).
 */
public final class ServiceMetricsHandler implements HttpHandler {
    private static final HttpString KEY_HEADER = HttpString.tryFromString("X-Metrics-Key");

    private final ServiceHealth health;

    public ServiceMetricsHandler(ServiceHealth health) {
        this.health = health;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        if (!Router.apiVersionKnown(ex)) {
            Responses.text(ex, 404, "not found");
            return;
        }
        String given = ex.getRequestHeaders().getFirst(KEY_HEADER);
        java.util.Optional<ServiceMetrics> metrics = health.metrics(given);
        if (metrics.isEmpty()) {
            Responses.empty(ex, 403);
            return;
        }
        ServiceMetrics m = metrics.get();
        ObjectNode body =
                Json.object()
                        .put("ts", m.ts())
                        .put("max_ping_id", m.maxPingId())
                        .put("max_notification_id", m.maxNotificationId())
                        .put("num_unprocessed_flips", m.numUnprocessedFlips());
        Responses.json(ex, 200, Json.bytes(body));
    }
}
