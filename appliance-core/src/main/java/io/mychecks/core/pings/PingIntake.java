package io.mychecks.core.pings;

import io.mychecks.core.Service;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.pings.PingResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records pings with group commit ({@link PingWriter}): a ping's future completes only after the
 * transaction holding it committed, so an acknowledged ping is durable.
 *
 * <ul>
 *   <li>Every ping is answered within {@link Limits#answerWithin()}: if no writer took it by then
 *       (the database is locked or down) it is answered UNAVAILABLE and never recorded.
 *   <li>Memory is bounded: the queue holds at most {@link Limits#maxQueued()} pings and {@link
 *       Limits#maxQueuedBytes()} bytes; past either, a ping is answered UNAVAILABLE at once.
 *   <li>SQLite has one writer. PostgreSQL has two, each owning the checks whose code hashes to it;
 *       slug pings are resolved to their check's code first ({@link SlugResolver}), so that a check
 *       pinged by UUID and by slug is written by one writer.
 * </ul>
 */
public final class PingIntake implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(PingIntake.class);

    /** A ping's fixed cost in the queue, on top of its body. */
    private static final int EVENT_OVERHEAD = 512;

    private final Limits limits;
    private final Database database;
    private final PingBatch batchLogic;
    private final FlipSignal flipSignal;
    private final SlugResolver slugs;
    private final PingWarmUp warmUp;
    private final int writerCount;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<PingWriter> writers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final ScheduledThreadPoolExecutor deadlines;
    private final ThreadPoolExecutor resolvers;
    private volatile boolean running;

    /**
     * The intake's bounds.
     *
     * @param answerWithin a ping not taken by a writer by then is answered UNAVAILABLE
     * @param maxQueued pings waiting at most, over all writers
     * @param maxQueuedBytes bytes of waiting pings at most (bodies plus a fixed cost each)
     */
    public record Limits(Duration answerWithin, int maxQueued, long maxQueuedBytes) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(4), 50_000, 64L * 1024 * 1024);
        }
    }

    public PingIntake(
            Database database, Clock clock, PingBatch.Stores stores, FlipSignal flipSignal) {
        this(database, clock, stores, flipSignal, Limits.defaults());
    }

    public PingIntake(
            Database database,
            Clock clock,
            PingBatch.Stores stores,
            FlipSignal flipSignal,
            Limits limits) {
        this.database = database;
        this.limits = limits;
        this.batchLogic = new PingBatch(clock, stores);
        this.flipSignal = flipSignal;
        this.slugs =
                new SlugResolver(
                        database, clock, stores.checks(), stores.projects(), stores.channels());
        this.warmUp = new PingWarmUp(database, batchLogic, stores.checks());
        // SQLite has one write lock: one writer. On PostgreSQL two writers, each owning half of the
        // checks, overlap one batch's commit with the next batch's work.
        this.writerCount = database.isPostgres() ? 2 : 1;
        for (int i = 0; i < writerCount; i++) {
            queues.add(new ArrayBlockingQueue<>(Math.max(1, limits.maxQueued() / writerCount)));
        }
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemon("ping-deadlines"));
        deadlines.setRemoveOnCancelPolicy(true);
        deadlines.setKeepAliveTime(30, TimeUnit.SECONDS);
        deadlines.allowCoreThreadTimeOut(true);
        this.resolvers =
                new ThreadPoolExecutor(
                        2,
                        2,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(10_000),
                        daemon("ping-slugs"));
        resolvers.allowCoreThreadTimeOut(true);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writers.clear();
        for (int i = 0; i < writerCount; i++) {
            PingWriter writer =
                    new PingWriter(
                            "ping-writer-" + i, queues.get(i), database, batchLogic, flipSignal);
            Thread t = new Thread(writer, "ping-writer-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(writer);
            threads.add(t);
        }
    }

    /**
     * Runs the write path on synthetic pings that are rolled back (see {@link PingWarmUp}), for at
     * most {@code budget}; call it before the daemon takes traffic. Returns a line for the log.
     */
    public String warmUp(Duration budget) {
        PingWarmUp.Report r = warmUp.run(budget);
        if (r.failure() != null) {
            return "ping path warmed only in part ("
                    + r.failure()
                    + " after "
                    + r.pings()
                    + " pings)";
        }
        return r.pings() == 0
                ? "ping path not warmed (no checks yet)"
                : "ping path warmed: "
                        + r.pings()
                        + " pings applied and rolled back in "
                        + r.took().toMillis()
                        + " ms";
    }

    /**
     * Queues a ping. The future completes after its transaction commits; with UNAVAILABLE at once
     * when the queue is full, or at the deadline when the database did not take it in time.
     */
    public CompletableFuture<PingResult> submit(PingEvent event) {
        if (!running) {
            start();
        }
        CompletableFuture<PingResult> future = new CompletableFuture<>();
        long bytes = sizeOf(event);
        if (queuedBytes.addAndGet(bytes) > limits.maxQueuedBytes()) {
            queuedBytes.addAndGet(-bytes);
            future.complete(PingResult.of(Outcome.UNAVAILABLE));
            return future;
        }
        // the bytes count until the ping is answered, whether queued, in a batch, or resolving
        future.whenComplete((r, e) -> queuedBytes.addAndGet(-bytes));
        Pending pending = new Pending(event, future, false);
        watchDeadline(pending);
        if (event.ref().isSlug()) {
            resolveThenQueue(pending);
        } else {
            enqueue(pending);
        }
        return future;
    }

    /** Records a ping and waits for the result (SMTP, tests, the console). */
    public PingResult record(PingEvent event) {
        try {
            return submit(event)
                    .get(limits.answerWithin().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PingResult.of(Outcome.UNAVAILABLE);
        } catch (ExecutionException | TimeoutException e) {
            return PingResult.of(Outcome.UNAVAILABLE);
        }
    }

    private void enqueue(Pending pending) {
        if (!queueOf(pending.event().ref()).offer(pending)) {
            pending.fail();
        }
    }

    private void resolveThenQueue(Pending pending) {
        try {
            resolvers.execute(
                    () -> {
                        if (pending.isAbandoned()) {
                            return;
                        }
                        try {
                            SlugResolver.Resolution r = slugs.resolve(pending.event());
                            if (r.answer() != null) {
                                pending.complete(PingResult.of(r.answer()));
                            } else {
                                enqueue(pending.resolved(r.byCode(), r.created()));
                            }
                        } catch (RuntimeException e) {
                            LOG.warn("slug ping not resolved: {}", PingWriter.oneLine(e));
                            pending.fail();
                        }
                    });
        } catch (RejectedExecutionException e) {
            pending.fail();
        }
    }

    /**
     * At the deadline a ping no writer has taken is abandoned. One already taken gets a second,
     * short grace for its commit, then is answered UNAVAILABLE whatever happens to it.
     */
    private void watchDeadline(Pending pending) {
        long millis = limits.answerWithin().toMillis();
        ScheduledFuture<?> timer =
                deadlines.schedule(
                        () -> {
                            if (!pending.abandon() && !pending.future().isDone()) {
                                deadlines.schedule(
                                        pending::fail,
                                        Math.min(millis / 4, 800),
                                        TimeUnit.MILLISECONDS);
                            }
                        },
                        millis,
                        TimeUnit.MILLISECONDS);
        pending.future().whenComplete((r, e) -> timer.cancel(false));
    }

    /** The same check always goes to the same writer, so writers never wait for each other. */
    private BlockingQueue<Pending> queueOf(CheckRef ref) {
        if (writerCount == 1) {
            return queues.get(0);
        }
        return queues.get(Math.floorMod(ref.code().hashCode(), writerCount));
    }

    private static long sizeOf(PingEvent e) {
        long size = EVENT_OVERHEAD;
        if (e.body() != null) {
            size += e.body().length;
        }
        if (e.email() != null) {
            // read lazily, only when the check's filters need it: count a fixed share, and
            // never force the parse here (the SMTP listener bounds message memory itself)
            size += 16 * 1024;
        }
        return size + 2L * (length(e.ua()) + length(e.remoteAddr()));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Bytes of pings not answered yet (for tests and metrics). */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /** Applies events in one batch on the calling thread, as a writer would (tests). */
    List<PingResult> applyNow(List<PingEvent> events) throws InterruptedException {
        List<CompletableFuture<PingResult>> futures = new ArrayList<>();
        BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(events.size() + 1);
        for (PingEvent e : events) {
            CompletableFuture<PingResult> f = new CompletableFuture<>();
            queue.add(new Pending(e, f, false));
            futures.add(f);
        }
        PingWriter writer = new PingWriter("test", queue, database, batchLogic, flipSignal);
        writer.stopWhenDrained();
        writer.run();
        List<PingResult> results = new ArrayList<>();
        for (CompletableFuture<PingResult> f : futures) {
            results.add(f.getNow(null));
        }
        return results;
    }

    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        writers.forEach(PingWriter::stopWhenDrained);
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
