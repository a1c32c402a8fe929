package io.mychecks.core.alerts;

import io.mychecks.core.Service;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.heartbeat.Heartbeats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert loop: overdue checks go down, flips become deliveries, deliveries are sent.
 *
 * <p>It sleeps until the next deadline it knows (the earliest alert time), wakes at once when this
 * process commits a flip ({@link FlipSignal}), and looks at least once a second for work other
 * processes on the same database committed. Deliveries are claimed and sent by the {@link
 * DeliverySender}'s own feeder thread, woken when the loop queues some, so a burst's first
 * deliveries go out while the loop still sweeps the rest. Several loops may run on one database:
 * every step is a compare-and-set, so each flip is notified once.
 */
public final class AlertLoop implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLoop.class);
    static final long MAX_WAIT_MILLIS = 1000;

    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final GoingDownSweep sweep;
    private final FlipDispatcher dispatcher;
    private final DeliverySender sender;
    private final FlipSignal signal;
    private final Heartbeats heartbeats;
    private volatile boolean running;
    private Instant started;
    private Instant lastBeat;
    private Thread thread;

    public AlertLoop(
            Database database,
            Clock clock,
            CheckStore checks,
            GoingDownSweep sweep,
            FlipDispatcher dispatcher,
            DeliverySender sender,
            FlipSignal signal,
            Heartbeats heartbeats) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.sweep = sweep;
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.signal = signal;
        this.heartbeats = heartbeats;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        started = clock.instant();
        sender.start();
        thread = new Thread(this::run, "alert-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs one round on the calling thread: sweep, dispatch, send. Returns true when it did
     * something.
     */
    public boolean runOnce() {
        return sweepAndDispatch() | sender.claimAndSend(clock.instant()) > 0;
    }

    /**
     * Sweeps and dispatches once, and wakes the sender's feeder (its own thread, so sending
     * overlaps with the next sweeps) when deliveries were queued. Returns true when it did
     * something (the loop then goes round again at once).
     */
    private boolean sweepAndDispatch() {
        Instant now = clock.instant();
        int flipped = sweep.sweepOne(now);
        int queued = dispatcher.dispatchOne(now);
        if (queued > 0) {
            sender.wake();
        }
        return flipped + queued > 0;
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                lastBeat = heartbeats.maybeBeat(Heartbeats.ALERT_LOOP, started, lastBeat);
                if (sweepAndDispatch()) {
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
        // deliveries coming due are the sender's feeder's to wait for
        Optional<Instant> nextAlert = checks.nextAlertAfter(database.dsl());
        long wait = MAX_WAIT_MILLIS;
        if (nextAlert.isPresent()) {
            wait = Math.min(wait, Duration.between(now, nextAlert.get()).toMillis() + 1);
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
