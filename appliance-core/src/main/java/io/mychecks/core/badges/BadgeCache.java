package io.mychecks.core.badges;

import io.mychecks.core.checks.CheckStatsStore.Tally;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Project badge tallies, shared and briefly kept.
 *
 * <ul>
 *   <li>Concurrent requests for the same badge wait for one computation instead of each scanning
 *       the project.
 *   <li>A tally that took at least {@code slowNanos} to compute (a large project) is kept for
 *       {@code keepNanos}; quicker ones are never kept, so small projects' badges are always
 *       current.
 * </ul>
 */
final class BadgeCache {
    /** Past this many entries, expired ones are dropped on the next insert. */
    private static final int TIDY_ABOVE = 1000;

    record Key(long projectId, String tag) {}

    private static final class Entry {
        final CompletableFuture<Tally> tally = new CompletableFuture<>();
        volatile long expiresAt;
        volatile boolean done;
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long slowNanos;
    private final long keepNanos;
    private final LongSupplier nanoTime;

    BadgeCache(long slowNanos, long keepNanos, LongSupplier nanoTime) {
        this.slowNanos = slowNanos;
        this.keepNanos = keepNanos;
        this.nanoTime = nanoTime;
    }

    /** Returns the kept or in-flight tally of {@code key}, or computes it. */
    Tally get(Key key, Supplier<Tally> compute) {
        Entry mine = new Entry();
        Entry current = entries.compute(key, (k, old) -> old != null && usable(old) ? old : mine);
        if (current != mine) {
            try {
                return current.tally.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        tidy();
        long start = nanoTime.getAsLong();
        try {
            Tally tally = compute.get();
            long end = nanoTime.getAsLong();
            if (end - start >= slowNanos) {
                mine.expiresAt = end + keepNanos;
                mine.done = true;
            } else {
                entries.remove(key, mine);
            }
            mine.tally.complete(tally);
            return tally;
        } catch (RuntimeException e) {
            entries.remove(key, mine);
            mine.tally.completeExceptionally(e);
            throw e;
        }
    }

    private boolean usable(Entry e) {
        return !e.done || e.expiresAt - nanoTime.getAsLong() > 0;
    }

    private void tidy() {
        if (entries.size() > TIDY_ABOVE) {
            entries.values().removeIf(e -> e.done && !usable(e));
        }
    }
}
