package io.mychecks.core.prune;

import io.mychecks.core.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the five prune tasks once a day at a local time ({@code PRUNE_DAILY_AT}), inside the daemon.
 * Each task deletes in small transactions, so pings and alerts go on meanwhile; several daemons on
 * one database may each run it (a second run finds little left).
 */
public final class DailyPrune implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(DailyPrune.class);

    private final List<PruneTask> tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime at;
    private volatile boolean running;
    private Thread thread;

    public DailyPrune(List<PruneTask> tasks, Clock clock, ZoneId zone, LocalTime at) {
        this.tasks = List.copyOf(tasks);
        this.clock = clock;
        this.zone = zone;
        this.at = at;
    }

    /** When the next run is due after {@code now}: today at the time, else tomorrow. */
    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.with(at);
        return today.isAfter(now) ? today : now.plusDays(1).with(at);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "daily-prune");
        thread.setDaemon(true);
        thread.start();
        LOG.info("daily prune at {} ({})", at, zone);
    }

    /** Runs every task once; returns the total deleted. A failing task does not stop the rest. */
    public long runOnce() {
        long total = 0;
        for (PruneTask task : tasks) {
            if (!running && thread != null) {
                break;
            }
            try {
                long n = task.pruner().prune(monitor());
                total += n;
                LOG.info("daily prune: {} {} deleted", n, task.noun(n));
            } catch (RuntimeException e) {
                LOG.warn("daily prune: {} failed: {}", task.command(), e.toString());
            }
        }
        return total;
    }

    private PruneMonitor monitor() {
        return new PruneMonitor() {
            @Override
            public void deleted(long soFar) {
                // logged once the task ends
            }

            @Override
            public boolean cancelled() {
                return thread != null && !running;
            }
        };
    }

    private void loop() {
        while (running) {
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            Duration wait = Duration.between(now, nextRun(now, at));
            try {
                Thread.sleep(Math.max(1000, wait.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                runOnce();
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
