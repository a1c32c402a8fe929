package io.mychecks.core.checks;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Limits how many scans of a whole project (badges, metrics) run at once in this process. A scan
 * over the limit waits a second at most, then is turned away with {@link BusyException}: a burst of
 * public badge requests cannot hold every worker and database connection.
 */
public final class ScanLimiter {
    private static final long WAIT_MS = 1000;

    /** Thrown when every permit stayed taken; the web layer answers 503 with Retry-After. */
    public static final class BusyException extends RuntimeException {
        public BusyException() {
            super("too many project scans at once, try again", null, false, false);
        }
    }

    private final Semaphore permits;

    /** Allows {@code concurrent} scans at once. */
    public ScanLimiter(int concurrent) {
        this.permits = new Semaphore(concurrent);
    }

    /** A taken permit; closing it (once or more) gives it back. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit() {}

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /** Takes a permit, waiting a moment at most; empty when every permit stayed taken. */
    public Optional<Permit> tryAcquire() {
        try {
            return permits.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)
                    ? Optional.of(new Permit())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs {@code scan} holding a permit and returns its result. */
    public <T> T run(Supplier<T> scan) {
        try (Permit permit = tryAcquire().orElseThrow(BusyException::new)) {
            return scan.get();
        }
    }
}
