package io.mychecks.core.heartbeat;

import io.mychecks.core.db.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs of life of long-running services. A service calls {@link #maybeBeat} from its loop; a write
 * happens at most every {@link #INTERVAL}, so a busy loop costs nothing extra.
 */
public final class Heartbeats {
    /** How often a beat is written. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);

    /** The name of the alert loop's row. */
    public static final String ALERT_LOOP = "alert-loop";

    private final Database database;
    private final Clock clock;
    private final HeartbeatStore store = new HeartbeatStore();
    private String host;

    public Heartbeats(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A beat of {@code service}, started at {@code started}, unless one was written recently. */
    public Instant maybeBeat(String service, Instant started, Instant lastBeat) {
        Instant now = clock.instant();
        if (lastBeat != null && Duration.between(lastBeat, now).compareTo(INTERVAL) < 0) {
            return lastBeat;
        }
        if (host == null) {
            host = hostName(); // may ask the resolver: once, and only in a service that beats
        }
        database.inTransactionRun(cfg -> store.beat(cfg.dsl(), service, host, started, now));
        return now;
    }

    /** The newest beat of {@code service} on any host, if it ever beat. */
    public Optional<Heartbeat> latest(String service) {
        return store.latest(database.dsl(), service);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 255 ? name.substring(0, 255) : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
