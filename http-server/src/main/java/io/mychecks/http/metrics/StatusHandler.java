package io.mychecks.http.metrics;

import io.mychecks.core.metrics.ServiceHealth;
import io.mychecks.http.server.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code /api/vN/status/}: {@code OK} after a database round trip, for probes. */
public final class StatusHandler implements HttpHandler {
    private final ServiceHealth health;

    public StatusHandler(ServiceHealth health) {
        this.health = health;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        if (health.databaseAnswers()) {
            Responses.text(ex, 200, "OK");
        } else {
            Responses.text(ex, 500, "database unavailable");
        }
    }
}
