package io.mychecks.core.heartbeat;

import java.time.Duration;
import java.time.Instant;

/** The last sign of life of one service on one host. */
public record Heartbeat(String service, String host, Instant started, Instant beat) {
    /** A service whose last beat is older than this is taken for stopped. */
    public static final Duration STALE = Duration.ofSeconds(30);

    /** True when the service beat within {@link #STALE}. */
    public boolean alive(Instant now) {
        return age(now).compareTo(STALE) < 0;
    }

    /** How long ago the service last wrote its row. */
    public Duration age(Instant now) {
        Duration d = Duration.between(beat, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
