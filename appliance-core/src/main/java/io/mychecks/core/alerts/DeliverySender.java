package io.mychecks.core.alerts;

import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.PingStore;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries on a bounded pool, each channel on its own thread, so one slow channel
 * delays no other. A delivery is claimed with a lease before sending and its outcome recorded
 * after: sent, retried later with {@link Backoff}, or given up (a permanent error also disables the
 * channel, as the reference does).
 */
public final class DeliverySender {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final long MAX_WAIT_MILLIS = 1000;
    private static final long GATHER_MILLIS = 3;
    static final int PREFETCH = 512;
    private static final long PREFETCH_MILLIS = 500;

    private final Database database;
    private final Clock clock;
    private final Stores stores;
    private final NotifierRegistry notifiers;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int perProjectMax;

    /** Threads a project over its share leaves free for other projects' next deliveries. */
    private final int reserve;

    private final Map<Long, Integer> perProject = new ConcurrentHashMap<>();

    /** Due deliveries looked up ahead of the rounds that claim them, oldest first. */
    private final List<NotificationStore.Candidate> prefetched = new ArrayList<>();

    private long prefetchedAt;
    private Instant prefetchedFor = Instant.EPOCH;

    /** Attempts the pool finished, waiting to be recorded in a batch. */
    private final Queue<OutcomeRecorder.Outcome> finished = new ConcurrentLinkedQueue<>();

    /** Wakes the feeder: a delivery finished, or this process queued new ones. */
    private final FlipSignal feederSignal = new FlipSignal();

    private final AlertContexts contexts;
    private final OutcomeRecorder recorder;
    private volatile boolean feeding;
    private Thread feeder;

    /** The stores a delivery reads and writes. */
    public record Stores(
            NotificationStore notifications,
            ChannelStore channels,
            CheckStore checks,
            PingStore pings,
            FlipStore flips,
            ProjectStore projects) {}

    public DeliverySender(
            Database database,
            Clock clock,
            Stores stores,
            NotifierRegistry notifiers,
            Settings settings,
            int threads) {
        this.database = database;
        this.clock = clock;
        this.stores = stores;
        this.notifiers = notifiers;
        this.threads = threads;
        this.contexts = new AlertContexts(stores, settings, clock);
        this.recorder =
                new OutcomeRecorder(database, clock, stores.notifications(), stores.channels());
        this.perProjectMax = Math.max(1, threads / 2);
        this.reserve = Math.max(1, threads / 4);
        this.pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "delivery");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Records the deliveries finished since the last call, then claims as many due deliveries as
     * there are free threads, in one transaction, reads their context set-based and starts them;
     * returns how many it claimed. One project holds at most half the threads, so a project whose
     * targets are slow cannot starve the others.
     */
    public synchronized int claimAndSend(Instant now) {
        return claimAndSend(now, true);
    }

    private int claimAndSend(Instant now, boolean mayLookAgain) {
        int free = threads - inFlight.get();
        if (free <= 0) {
            recordFinished();
            return 0;
        }
        // one write transaction for both: on SQLite every write waits for the one write lock,
        // which the alert loop's sweeps hold often during a burst
        List<OutcomeRecorder.Outcome> done = drainFinished();
        Map<Long, Long> projectOf = new HashMap<>();
        Round round;
        List<NotificationStore.Candidate> picked = List.of();
        try {
            List<NotificationStore.Candidate> toClaim = pickAhead(now, free);
            picked = toClaim;
            round =
                    done.isEmpty() && toClaim.isEmpty()
                            // nothing to write: no transaction (on SQLite it would take the lock)
                            ? new Round(new boolean[0], List.of())
                            : database.inTransaction(
                                    cfg ->
                                            new Round(
                                                    recorder.recordIn(cfg.dsl(), done),
                                                    claim(cfg.dsl(), now, toClaim, projectOf)));
            if (round.claimed().size() < picked.size()) {
                // some were taken or changed since the look: look afresh next round
                prefetched.clear();
            }
        } catch (RuntimeException e) {
            finished.addAll(done); // recorded with the next round
            throw e;
        }
        log(done, round.recorded());
        List<Notification> claimed = round.claimed();
        if (claimed.isEmpty() && !done.isEmpty() && mayLookAgain) {
            // the look came before these outcomes were recorded, and a delivery waiting behind
            // one of them (the same check and channel, e.g. the DOWN after an UP) was left out:
            // look again now, not at the next wake-up a second later
            prefetched.clear();
            return claimAndSend(now, false);
        }
        if (claimed.isEmpty() && !picked.isEmpty() && mayLookAgain) {
            // everything picked was stale: try again at once with a fresh look
            return claimAndSend(now, false);
        }
        AlertContexts.Loaded loaded = contexts.load(database.dsl(), claimed);
        recordSuperseded(loaded.superseded());
        for (AlertContexts.Ready r : loaded.toSend()) {
            long project = projectOf.get(r.notification().id());
            inFlight.incrementAndGet();
            perProject.merge(project, 1, Integer::sum);
            pool.execute(
                    () -> {
                        try {
                            finished.add(attempt(r));
                        } catch (Throwable e) { // NOPMD: a delivery thread must outlive anything
                            LOG.error(
                                    "delivery {} failed unexpectedly: {}",
                                    r.notification().id(),
                                    e.toString());
                        } finally {
                            perProject.computeIfPresent(project, (k, v) -> v > 1 ? v - 1 : null);
                            inFlight.decrementAndGet();
                            feederSignal.fire();
                        }
                    });
        }
        return claimed.size();
    }

    /** What one write transaction of the feeder did: outcomes recorded, deliveries claimed. */
    private record Round(boolean[] recorded, List<Notification> claimed) {}

    /** Claims the picked candidates that are still due; notes each one's project. */
    private List<Notification> claim(
            org.jooq.DSLContext ctx,
            Instant now,
            List<NotificationStore.Candidate> picked,
            Map<Long, Long> projectOf) {
        picked.forEach(c -> projectOf.put(c.id(), c.projectId()));
        return stores.notifications()
                .claimAll(
                        ctx,
                        picked.stream().map(NotificationStore.Candidate::id).toList(),
                        now,
                        now.plus(LEASE));
    }

    /**
     * Picks up to {@code free} due deliveries from the candidates looked up ahead (see {@link
     * #pick}), and drops them from the look-ahead. The due look is the largest query of a round:
     * one look of {@link #PREFETCH} rows, outside the write transaction, serves the rounds of a
     * burst; it is renewed when fewer candidates are left than there are threads, and when it is
     * older than {@link #PREFETCH_MILLIS} (retries come due, leases run out, other projects queue
     * deliveries). A candidate is only a hint: the claim checks the whole due rule on each row.
     */
    private List<NotificationStore.Candidate> pickAhead(Instant now, int free) {
        if (prefetched.size() < threads
                || System.nanoTime() - prefetchedAt > PREFETCH_MILLIS * 1_000_000
                || Duration.between(prefetchedFor, now).abs().toMillis() > PREFETCH_MILLIS) {
            prefetched.clear();
            prefetched.addAll(stores.notifications().dueCandidates(database.dsl(), now, PREFETCH));
            prefetchedAt = System.nanoTime();
            prefetchedFor = now;
        }
        List<NotificationStore.Candidate> picked = pick(prefetched, free);
        Set<Long> taken = new HashSet<>();
        picked.forEach(c -> taken.add(c.id()));
        prefetched.removeIf(c -> taken.contains(c.id()));
        return picked;
    }

    /**
     * Picks up to {@code free} of the candidates: first every project up to its share, then, if
     * threads are still free, more of the same (fairness when projects compete, full speed when one
     * project is alone with work); and at most one per (check, channel), the oldest, so a channel
     * gets a check's notifications one at a time and in order.
     */
    private List<NotificationStore.Candidate> pick(
            List<NotificationStore.Candidate> due, int free) {
        List<NotificationStore.Candidate> out = new ArrayList<>();
        Map<Long, Integer> taking = new HashMap<>();
        Set<List<Long>> pairs = new HashSet<>();
        Set<Long> taken = new HashSet<>();
        for (boolean capped : new boolean[] {true, false}) {
            // the second pass keeps a quarter of all threads for others
            int limit = capped ? free : free - reserve;
            for (NotificationStore.Candidate c : due) {
                if (out.size() >= limit) {
                    break;
                }
                if (taken.contains(c.id())) {
                    continue;
                }
                int busy =
                        perProject.getOrDefault(c.projectId(), 0)
                                + taking.getOrDefault(c.projectId(), 0);
                if (capped && busy >= perProjectMax) {
                    continue;
                }
                if (!pairs.add(List.of(c.checkId(), c.channelId()))) {
                    continue; // an older one of the same check and channel goes first
                }
                out.add(c);
                taken.add(c.id());
                taking.merge(c.projectId(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Claims and sends due deliveries on the calling thread (tests and one-shot runs). */
    public synchronized int sendDueNow(Instant now) {
        recordFinished();
        List<Notification> claimed =
                database.inTransaction(
                        cfg ->
                                stores.notifications()
                                        .claimDue(cfg.dsl(), now, now.plus(LEASE), 100));
        AlertContexts.Loaded loaded = contexts.load(database.dsl(), claimed);
        recordSuperseded(loaded.superseded());
        List<OutcomeRecorder.Outcome> outcomes = new ArrayList<>();
        for (AlertContexts.Ready r : loaded.toSend()) {
            outcomes.add(attempt(r));
        }
        recordAndLog(outcomes);
        return claimed.size();
    }

    /** True when another delivery could start now. */
    public boolean hasFreeThread() {
        return inFlight.get() < threads;
    }

    /** True while deliveries are being sent. */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    /** Tells the feeder there may be new deliveries to claim (this process queued some). */
    public void wake() {
        feederSignal.fire();
    }

    /**
     * Starts the feeder: a thread of its own that records finished deliveries and claims new ones
     * as soon as threads come free, so sending overlaps with the alert loop's sweeps.
     */
    public synchronized void start() {
        if (feeder != null) {
            return;
        }
        feeding = true;
        feeder = new Thread(this::feed, "delivery-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    private void feed() {
        long failures = 0;
        while (feeding) {
            try {
                gatherFinished();
                if (claimAndSend(clock.instant()) > 0) {
                    failures = 0;
                    continue;
                }
                failures = 0;
                feederSignal.await(millisUntilNextDue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be down for a while: log, back off, keep going
                failures++;
                LOG.warn("delivery feeder round failed ({}): {}", failures, e.toString());
                try {
                    feederSignal.await(Math.min(30_000, 500 * failures));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * With most threads busy, waits a moment for more of them to finish, so that a round records
     * and claims a batch rather than one or two (each round costs the same few queries).
     */
    private void gatherFinished() throws InterruptedException {
        if (inFlight.get() > 0 && threads - inFlight.get() < Math.max(1, threads / 4)) {
            Thread.sleep(GATHER_MILLIS);
        }
    }

    /**
     * How long the feeder may sleep: until the next delivery comes due, at most a second (other
     * processes on the database queue deliveries too). With no free thread, or with due deliveries
     * it could not claim (leased, or held back for order or fairness), a finished delivery or a new
     * one wakes it instead.
     */
    private long millisUntilNextDue() {
        if (!hasFreeThread()) {
            return MAX_WAIT_MILLIS;
        }
        Instant now = clock.instant();
        return stores.notifications()
                .nextDue(database.dsl())
                .filter(t -> t.isAfter(now))
                .map(t -> Math.min(MAX_WAIT_MILLIS, Duration.between(now, t).toMillis() + 1))
                .orElse(MAX_WAIT_MILLIS);
    }

    private OutcomeRecorder.Outcome attempt(AlertContexts.Ready r) {
        Channel channel = r.channel();
        Optional<Notifier> notifier = notifiers.find(channel.kind());
        if (notifier.isEmpty()) {
            return new OutcomeRecorder.Outcome(
                    r.notification(),
                    channel,
                    r.check(),
                    Delivery.failed(notifiers.unavailable(channel.kind())),
                    clock.instant(),
                    0);
        }
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        Delivery result;
        try {
            result = notifier.get().deliver(r.alert(), ChannelConfigs.parse(channel));
        } catch (RuntimeException e) {
            LOG.warn("{} notifier failed: {}", channel.kind(), e.toString());
            result = Delivery.retry("Unexpected error: " + e.getClass().getSimpleName());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new OutcomeRecorder.Outcome(
                r.notification(), channel, r.check(), result, start, millis);
    }

    /** Records the deliveries the pool finished since the last call; returns how many. */
    int recordFinished() {
        List<OutcomeRecorder.Outcome> batch = drainFinished();
        try {
            recordAndLog(batch);
        } catch (RuntimeException e) {
            finished.addAll(batch); // recorded with the next round
            throw e;
        }
        return batch.size();
    }

    private List<OutcomeRecorder.Outcome> drainFinished() {
        List<OutcomeRecorder.Outcome> batch = new ArrayList<>();
        for (OutcomeRecorder.Outcome o; (o = finished.poll()) != null; ) {
            batch.add(o);
        }
        return batch;
    }

    private void recordSuperseded(List<AlertContexts.Ready> superseded) {
        recordAndLog(superseded.stream().map(OutcomeRecorder.Outcome::superseded).toList());
    }

    private void recordAndLog(List<OutcomeRecorder.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        log(outcomes, recorder.record(outcomes));
    }

    private static void log(List<OutcomeRecorder.Outcome> outcomes, boolean[] recorded) {
        for (int i = 0; i < recorded.length; i++) {
            log(outcomes.get(i), recorded[i]);
        }
    }

    private static void log(OutcomeRecorder.Outcome o, boolean recorded) {
        Check check = o.check();
        Channel channel = o.channel();
        if (o.isSuperseded()) {
            if (recorded) {
                LOG.info(
                        "check {} ({}): {} notification to channel {} ({}) not sent: the check"
                                + " has flipped since",
                        check.id(),
                        check.config().name(),
                        o.notification().checkStatus().wire(),
                        channel.id(),
                        channel.kind());
            }
            return;
        }
        Delivery result = o.result();
        LOG.info(
                "check {} ({}) goes {}: channel {} ({}) {} in {} ms{}",
                check.id(),
                check.config().name(),
                o.notification().checkStatus().wire(),
                channel.id(),
                channel.kind(),
                result.isOk() ? "OK" : "error (" + result.error() + ")",
                o.millis(),
                recorded ? "" : "; not recorded: the lease ran out and another sender has it");
    }

    /** Stops taking work and waits up to {@code seconds} for deliveries in flight. */
    public void shutdown(int seconds) {
        Thread f;
        synchronized (this) {
            feeding = false;
            f = feeder;
        }
        feederSignal.fire();
        pool.shutdown();
        try {
            if (f != null) {
                f.join(TimeUnit.SECONDS.toMillis(seconds));
            }
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
            recordFinished(); // what the pool finished last is recorded, not left to the lease
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not record the last deliveries: {}", e.toString());
        }
    }
}
