package io.mychecks.core.flips;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the alert loop of this process at once when something it must act on was committed (a flip,
 * a new delivery). Other processes sharing the database find the same rows on their next look, at
 * most a second later.
 */
public final class FlipSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean pending;

    /** Records that there is new work and wakes a waiting loop. */
    public void fire() {
        lock.lock();
        try {
            pending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} for {@link #fire()}; returns true if it fired (and resets it). */
    public boolean await(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
            while (!pending && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            boolean fired = pending;
            pending = false;
            return fired;
        } finally {
            lock.unlock();
        }
    }
}
