package io.mychecks.core.metrics;

import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.NotificationStatusStore;
import io.mychecks.core.pings.PingStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * The service-health numbers of {@code /api/vN/metrics/}: the time, the newest ping and
 * notification ids (null when there are none) and how many flips wait for the alert loop.
 */
public record ServiceMetrics(
        long ts, Long maxPingId, Long maxNotificationId, int numUnprocessedFlips) {

    /** Reads the numbers at {@code now} ({@code ts} is in whole UNIX seconds). */
    public static ServiceMetrics collect(
            DSLContext ctx,
            Instant now,
            PingStore pings,
            NotificationStatusStore notifications,
            FlipStore flips) {
        return new ServiceMetrics(
                now.getEpochSecond(),
                pings.maxId(ctx).orElse(null),
                notifications.maxId(ctx).orElse(null),
                flips.countUnprocessed(ctx));
    }

    /**
     * True when {@code given} equals the configured METRICS_KEY. An unset (empty) METRICS_KEY
     * accepts nothing; the comparison takes the same time wherever the keys differ.
     */
    public static boolean keyAccepted(String configured, String given) {
        if (configured == null || configured.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(
                configured.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
