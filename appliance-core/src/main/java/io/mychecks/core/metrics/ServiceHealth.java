package io.mychecks.core.metrics;

import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.NotificationStatusStore;
import io.mychecks.core.pings.PingStore;
import java.time.Clock;
import java.util.Optional;

/**
 * The service's health for probes and monitoring: whether the database answers ({@code status/}),
 * and the numbers of {@code metrics/} for a caller that knows METRICS_KEY.
 */
public final class ServiceHealth {
    private final Database database;
    private final Clock clock;
    private final String metricsKey;
    private final PingStore pings;
    private final FlipStore flips;
    private final NotificationStatusStore notifications = new NotificationStatusStore();

    public ServiceHealth(
            Database database, Clock clock, String metricsKey, PingStore pings, FlipStore flips) {
        this.database = database;
        this.clock = clock;
        this.metricsKey = metricsKey;
        this.pings = pings;
        this.flips = flips;
    }

    /** True when a trivial query succeeds. */
    public boolean databaseAnswers() {
        return database.isHealthy();
    }

    /** The metrics, or empty when {@code givenKey} is not the configured METRICS_KEY. */
    public Optional<ServiceMetrics> metrics(String givenKey) {
        if (!ServiceMetrics.keyAccepted(metricsKey, givenKey)) {
            return Optional.empty();
        }
        return Optional.of(
                ServiceMetrics.collect(
                        database.dsl(), clock.instant(), pings, notifications, flips));
    }
}
