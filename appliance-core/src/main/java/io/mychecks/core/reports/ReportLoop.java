package io.mychecks.core.reports;

import io.mychecks.core.Service;
import io.mychecks.core.accounts.LoginSessions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's slow round, once a minute: sends due reports and nags, and removes expired log-in
 * sessions. A failed round is logged and the next one runs as planned.
 */
public final class ReportLoop implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ReportLoop.class);
    private final ReportSender sender;
    private final LoginSessions sessions;
    private final Duration every;
    private ScheduledExecutorService executor;

    public ReportLoop(ReportSender sender, LoginSessions sessions, Duration every) {
        this.sender = sender;
        this.sessions = sessions;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "report-loop");
                            t.setDaemon(true);
                            return t;
                        });
        executor.scheduleWithFixedDelay(
                this::round, 5_000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round on the calling thread; returns how many emails went out. */
    public int round() {
        try {
            sessions.pruneExpired();
            return sender.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("report round failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
