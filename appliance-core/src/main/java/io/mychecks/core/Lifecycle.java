package io.mychecks.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order they were added and stops them in reverse, once: the one lifecycle
 * of {@code serve}, {@code smtpd}, {@code sendalerts} and the console. If a service fails to start,
 * those already started are stopped again before the failure is passed on.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Service> services = new ArrayList<>();
    private final List<Service> started = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    /** Adds a service, started after those added before it and stopped before them. */
    public synchronized Lifecycle add(Service service) {
        services.add(service);
        return this;
    }

    /** Adds work to run at stop time, e.g. closing the database (add it first: it runs last). */
    public Lifecycle onStop(Runnable action) {
        return add(
                new Service() {
                    @Override
                    public void stop() {
                        action.run();
                    }
                });
    }

    /** Starts every service in order; on a failure stops those started, then throws it. */
    public synchronized void start() throws Exception {
        for (Service s : services) {
            try {
                s.start();
                started.add(s);
            } catch (Exception | Error e) {
                stop();
                throw e;
            }
        }
    }

    /** Stops the started services in reverse order; a second call does nothing. */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                LOG.warn(
                        "stopping {} failed: {}",
                        started.get(i).getClass().getSimpleName(),
                        e.toString());
            }
        }
        started.clear();
        stopped.countDown();
    }

    /** Stops everything when the JVM shuts down (Ctrl+C, SIGTERM from systemd). */
    public Lifecycle stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shutdown"));
        return this;
    }

    /** Waits until {@link #stop()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
