package io.mychecks.core.alerts;

import io.mychecks.core.Service;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert loop: overdue checks go down, flips become deliveries, deliveries are sent.
 *
 * <p>It sleeps until the next deadline it knows (the earliest alert time, the next delivery retry),
 * wakes at once when this process commits a flip ({@link FlipSignal}), and looks at least once a
 * second for work other processes on the same database committed. Several loops may run on one
 * database: every step is a compare-and-set, so each flip is notified once.
 */
public final class AlertLoop implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLoop.class);
    static final long MAX_WAIT_MILLIS = 1000;

    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final NotificationStore notifications;
    private final GoingDownSweep sweep;
    private final FlipDispatcher dispatcher;
    private final DeliverySender sender;
    private final FlipSignal signal;
    private volatile boolean running;
    private Thread thread;

    public AlertLoop(
            Database database,
            Clock clock,
            CheckStore checks,
            NotificationStore notifications,
            GoingDownSweep sweep,
            FlipDispatcher dispatcher,
            DeliverySender sender,
            FlipSignal signal) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.notifications = notifications;
        this.sweep = sweep;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "alert-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs one round: sweep, dispatch, send. Returns true when it did something (the loop then goes
     * round again at once).
     */
    public boolean runOnce() {
        Instant now = clock.instant();
        int work = sweep.sweepOne(now);
        work += dispatcher.dispatchOne(now);
        work += sender.claimAndSend(now);
        return work > 0;
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                if (runOnce()) {
                    failures = 0;
                    continue;
                }
                failures = 0;
                signal.await(millisUntilNextDeadline());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be down for a while: log, back off, keep going
                failures++;
                LOG.warn("alert loop round failed ({}): {}", failures, e.toString());
                sleepQuietly(Math.min(30_000, 500 * failures));
            }
        }
    }

    long millisUntilNextDeadline() {
        Instant now = clock.instant();
        Optional<Instant> nextAlert = checks.nextAlertAfter(database.dsl());
        // with every sender thread busy, a finished delivery fires the signal instead
        Optional<Instant> nextDelivery =
                sender.hasFreeThread() ? notifications.nextDue(database.dsl()) : Optional.empty();
        long wait = MAX_WAIT_MILLIS;
        for (Optional<Instant> t : java.util.List.of(nextAlert, nextDelivery)) {
            if (t.isPresent()) {
                wait = Math.min(wait, Duration.between(now, t.get()).toMillis() + 1);
            }
        }
        return Math.max(0, wait);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        signal.fire();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sender.shutdown(30);
    }
}
