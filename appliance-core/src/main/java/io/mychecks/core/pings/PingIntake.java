package io.mychecks.core.pings;

import io.mychecks.core.Service;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.pings.PingResult.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records pings with group commit: writer threads take every ping waiting in the queue and apply
 * them in one transaction ({@link PingBatch}). A ping's future completes only after that
 * transaction committed, so an acknowledged ping is durable. If a batch fails, each of its pings is
 * retried alone, so one bad ping fails by itself.
 */
public final class PingIntake implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(PingIntake.class);
    static final int MAX_BATCH = 400;
    private static final int QUEUE_CAPACITY = 50_000;

    private final Database database;
    private final PingBatch batchLogic;
    private final FlipSignal flipSignal;
    private final int writers;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private record Pending(PingEvent event, CompletableFuture<PingResult> future) {}

    public PingIntake(
            Database database, Clock clock, PingBatch.Stores stores, FlipSignal flipSignal) {
        this.database = database;
        this.batchLogic = new PingBatch(clock, stores);
        this.flipSignal = flipSignal;
        // SQLite has one write lock: one writer. On PostgreSQL two writers, each owning half of the
        // checks, overlap one batch's commit with the next batch's work: measured 10,300-11,100
        // pings/s against 7,600-8,900 with one (bench/run.sh postgres); unpartitioned writers
        // were slower than one, as their batches waited for each other's row locks.
        this.writers = database.isPostgres() ? 2 : 1;
        for (int i = 0; i < writers; i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE_CAPACITY / writers));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending> queue = queues.get(i);
            Thread t = new Thread(() -> writerLoop(queue), "ping-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Queues a ping; the future completes after its transaction commits. When the queue is full the
     * future completes at once with UNAVAILABLE.
     */
    public CompletableFuture<PingResult> submit(PingEvent event) {
        CompletableFuture<PingResult> future = new CompletableFuture<>();
        if (!running) {
            start();
        }
        if (!queueOf(event.ref()).offer(new Pending(event, future))) {
            future.complete(PingResult.of(Outcome.UNAVAILABLE));
        }
        return future;
    }

    /** Records a ping and waits for the result (SMTP, tests, the console). */
    public PingResult record(PingEvent event) {
        try {
            return submit(event).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PingResult.of(Outcome.UNAVAILABLE);
        } catch (ExecutionException | TimeoutException e) {
            return PingResult.of(Outcome.UNAVAILABLE);
        }
    }

    /** The same check always goes to the same writer, so writers never wait for each other. */
    private BlockingQueue<Pending> queueOf(CheckRef ref) {
        if (writers == 1) {
            return queues.get(0);
        }
        int hash =
                ref.isSlug()
                        ? (ref.pingKey() + "/" + ref.slug()).hashCode()
                        : ref.code().hashCode();
        return queues.get(Math.floorMod(hash, writers));
    }

    private void writerLoop(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("ping writer failed", e);
                batch.forEach(p -> p.future().complete(PingResult.of(Outcome.UNAVAILABLE)));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<PingEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(p.event()));
        PingBatch.Result result;
        try {
            result = database.inTransactionRetrying(cfg -> batchLogic.apply(cfg.dsl(), events));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.warn("ping not recorded: {}", e.toString());
                batch.get(0).future().complete(PingResult.of(Outcome.UNAVAILABLE));
                return;
            }
            // one bad ping must not fail the others: retry each alone
            for (Pending p : batch) {
                commit(new ArrayList<>(List.of(p)));
            }
            return;
        }
        if (result.flipped()) {
            flipSignal.fire();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(result.results().get(i));
        }
    }

    @Override
    public void stop() {
        running = false;
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
