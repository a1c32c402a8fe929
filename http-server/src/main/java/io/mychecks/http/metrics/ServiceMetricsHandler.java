package io.mychecks.http.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.Appliance;
import io.mychecks.core.metrics.ServiceMetrics;
import io.mychecks.core.notify.NotificationStatusStore;
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

    private final Appliance app;
    private final NotificationStatusStore notifications = new NotificationStatusStore();

    public ServiceMetricsHandler(Appliance app) {
        this.app = app;
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
        if (!ServiceMetrics.keyAccepted(app.settings().get("METRICS_KEY"), given)) {
            Responses.empty(ex, 403);
            return;
        }
        ServiceMetrics m =
                ServiceMetrics.collect(
                        app.database().dsl(),
                        app.clock().instant(),
                        app.pings(),
                        notifications,
                        app.flips());
        ObjectNode body =
                Json.object()
                        .put("ts", m.ts())
                        .put("max_ping_id", m.maxPingId())
                        .put("max_notification_id", m.maxNotificationId())
                        .put("num_unprocessed_flips", m.numUnprocessedFlips());
        Responses.json(ex, 200, Json.bytes(body));
    }
}
