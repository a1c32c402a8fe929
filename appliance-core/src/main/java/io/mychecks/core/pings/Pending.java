package io.mychecks.core.pings;

import io.mychecks.core.pings.PingResult.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ping on its way to the database, with the future its sender waits on. A writer {@link #take()
 * takes} it once it holds the write lock; its deadline {@link #abandon() abandons} it if no writer
 * took it by then. Exactly one of the two wins, so a ping answered "unavailable" at its deadline is
 * never recorded afterwards.
 */
final class Pending {
    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private final PingEvent event;
    private final CompletableFuture<PingResult> future;
    private final boolean created;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    Pending(PingEvent event, CompletableFuture<PingResult> future, boolean created) {
        this.event = event;
        this.future = future;
        this.created = created;
    }

    /** The same ping, now naming its check by code (a resolved slug ping). */
    Pending resolved(PingEvent byCode, boolean justCreated) {
        return new Pending(byCode, future, justCreated);
    }

    PingEvent event() {
        return event;
    }

    CompletableFuture<PingResult> future() {
        return future;
    }

    /**
     * A writer takes the ping for its transaction (again, when it is retried alone); false when the
     * deadline came first.
     */
    boolean take() {
        return state.compareAndSet(WAITING, TAKEN) || state.get() == TAKEN;
    }

    /** The deadline passed before a writer took it: answer "unavailable", and never record it. */
    boolean abandon() {
        if (state.compareAndSet(WAITING, ABANDONED)) {
            future.complete(PingResult.of(Outcome.UNAVAILABLE));
            return true;
        }
        return false;
    }

    boolean isAbandoned() {
        return state.get() == ABANDONED;
    }

    /** Completes with the result of the transaction (CREATED when {@code create=1} made it). */
    void complete(PingResult result) {
        if (created && result.outcome() == Outcome.OK) {
            future.complete(new PingResult(Outcome.CREATED, result.checkCode()));
        } else {
            future.complete(result);
        }
    }

    void fail() {
        future.complete(PingResult.of(Outcome.UNAVAILABLE));
    }
}
