package io.mychecks.core.pings;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.DbFailure;
import io.mychecks.core.flips.FlipSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ping writer: a thread with a connection of its own that takes every ping waiting in its queue
 * and applies them in one transaction (group commit). Its rules:
 *
 * <ul>
 *   <li>A ping is taken only once the transaction holds the write lock, and only if its deadline
 *       has not answered it yet; a ping answered "unavailable" is never recorded afterwards.
 *   <li>While the database is down or locked, the writer keeps reconnecting every {@link #PAUSE_MS}
 *       ms, so intake resumes as soon as it is back; waiting pings meet their deadline meanwhile.
 *   <li>A batch refused for one ping's data is applied again ping by ping, so that ping fails
 *       alone. A batch refused because the database is unavailable fails as a whole at once.
 *   <li>Nothing, not even an {@link Error}, ends the thread or leaves a future incomplete.
 * </ul>
 */
final class PingWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PingWriter.class);
    static final int MAX_BATCH = 400;
    static final long PAUSE_MS = 100;
    private static final int MAX_RETRIES = 5;
    private static final long LOG_EVERY_MS = 10_000;

    private final String name;
    private final BlockingQueue<Pending> queue;
    private final Database database;
    private final PingBatch batchLogic;
    private final FlipSignal flipSignal;
    private volatile boolean running = true;
    private Connection connection;
    private long lastLogged;
    private int suppressed;

    PingWriter(
            String name,
            BlockingQueue<Pending> queue,
            Database database,
            PingBatch batchLogic,
            FlipSignal flipSignal) {
        this.name = name;
        this.queue = queue;
        this.database = database;
        this.batchLogic = batchLogic;
        this.flipSignal = flipSignal;
    }

    void stopWhenDrained() {
        running = false;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (running || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    drainInto(batch);
                    if (connected(batch)) {
                        write(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable t) { // NOPMD: the writer must outlive anything
                    report("ping writer failed", t);
                    closeConnection();
                } finally {
                    batch.forEach(Pending::fail); // no-op for every completed future
                    batch.clear();
                }
            }
        } finally {
            queue.forEach(Pending::fail);
            closeConnection();
        }
    }

    /** Moves waiting pings into the batch (up to its size), dropping those already abandoned. */
    private void drainInto(List<Pending> batch) {
        List<Pending> more = new ArrayList<>();
        queue.drainTo(more, MAX_BATCH - batch.size());
        batch.addAll(more);
        batch.removeIf(Pending::isAbandoned);
    }

    /**
     * Makes sure the writer has a connection, retrying while any ping of the batch still waits.
     * Returns false when every ping of the batch met its deadline first.
     */
    private boolean connected(List<Pending> batch) throws InterruptedException {
        while (connection == null && !reconnectOnce()) {
            Thread.sleep(PAUSE_MS);
            batch.removeIf(Pending::isAbandoned);
            if (batch.isEmpty()) {
                return false;
            }
            if (batch.size() < MAX_BATCH) {
                drainInto(batch);
            }
        }
        return true;
    }

    /** Writes the batch; on a data error, each of its pings alone. */
    private void write(List<Pending> batch) throws InterruptedException {
        DbFailure failure = commit(batch, true);
        if (failure == DbFailure.DATA || failure == DbFailure.OTHER) {
            if (batch.size() == 1) {
                return; // already answered "unavailable" by commit
            }
            for (Pending p : batch) {
                List<Pending> alone = new ArrayList<>(List.of(p));
                commit(alone, false);
            }
        } else if (failure != null) {
            Thread.sleep(PAUSE_MS); // unavailable: give the database a moment, then go on
        }
    }

    /**
     * Applies the batch in one transaction and completes its futures; returns null on success, or
     * the failure. On a data failure of a batch of several pings (with {@code keepOnDataError}),
     * their futures stay open for a retry one by one.
     */
    private DbFailure commit(List<Pending> batch, boolean keepOnDataError) {
        boolean taken = false;
        for (int attempt = 1; ; attempt++) {
            if (connection == null && !reconnectOnce()) {
                batch.forEach(Pending::fail);
                return DbFailure.CONNECTION;
            }
            boolean committing = false;
            try {
                // SQLite begins IMMEDIATE here and waits for the write lock
                connection.setAutoCommit(false);
                if (!taken) {
                    batch.removeIf(p -> !p.take());
                    taken = true;
                }
                if (batch.isEmpty()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    return null;
                }
                List<PingEvent> events = new ArrayList<>(batch.size());
                batch.forEach(p -> events.add(p.event()));
                PingBatch.Result result = batchLogic.apply(database.dslOn(connection), events);
                committing = true;
                connection.commit();
                connection.setAutoCommit(true);
                if (result.flipped()) {
                    flipSignal.fire();
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).complete(result.results().get(i));
                }
                return null;
            } catch (Exception e) {
                rollbackQuietly();
                DbFailure failure = DbFailure.of(e);
                if (failure == DbFailure.RETRY && attempt < MAX_RETRIES) {
                    continue;
                }
                if (failure == DbFailure.CONNECTION) {
                    closeConnection();
                    if (!committing && attempt < 2) {
                        continue; // nothing was committed: try once more on a new connection
                    }
                }
                boolean retryAlone =
                        keepOnDataError
                                && batch.size() > 1
                                && (failure == DbFailure.DATA || failure == DbFailure.OTHER);
                if (failure == DbFailure.DATA || failure == DbFailure.OTHER) {
                    LOG.warn(
                            "{}: a batch of {} pings was refused ({}){}",
                            name,
                            batch.size(),
                            oneLine(e),
                            retryAlone ? "; applying them one by one" : "");
                } else {
                    report("pings not recorded", e);
                }
                if (!retryAlone) {
                    batch.forEach(Pending::fail);
                }
                return failure;
            }
        }
    }

    /** Opens the writer's connection; false (reported, not thrown) when the database is away. */
    private boolean reconnectOnce() {
        try {
            connection = database.openConnection();
            if (database.isPostgres()) {
                // a connection that stops answering fails within 10 s instead of hanging
                connection.setNetworkTimeout(Runnable::run, 10_000);
            }
            if (suppressed > 0 || lastLogged > 0) {
                LOG.info("{}: database reachable again", name);
                lastLogged = 0;
                suppressed = 0;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            report("cannot reach the database", e);
            closeConnection();
            return false;
        }
    }

    private void rollbackQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // the connection is gone either way
            }
            connection = null;
        }
    }

    /** Logs one line per failure kind at most every ten seconds, never a stack trace. */
    private void report(String what, Throwable t) {
        long now = System.currentTimeMillis();
        if (now - lastLogged >= LOG_EVERY_MS) {
            LOG.warn(
                    "{}: {}: {}{}",
                    name,
                    what,
                    oneLine(t),
                    suppressed > 0 ? " (" + suppressed + " more since the last report)" : "");
            lastLogged = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        int newline = text.indexOf('\n');
        text = newline >= 0 ? text.substring(0, newline) : text;
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
