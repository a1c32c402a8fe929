package io.mychecks.core.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mychecks.core.checks.CheckStatsStore.Tally;
import io.mychecks.core.checks.ScanLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BadgeCacheTest {
    static final BadgeCache.Key KEY = new BadgeCache.Key(1, "prod");
    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger computed = new AtomicInteger();

    Tally slow(long tookNanos) {
        computed.incrementAndGet();
        nanos.addAndGet(tookNanos);
        return new Tally(computed.get(), 0, 0);
    }

    @Test
    void quickTalliesAreNeverKept() {
        BadgeCache cache = new BadgeCache(100, 5_000, nanos::get);
        assertThat(cache.get(KEY, () -> slow(99)).total()).isEqualTo(1);
        assertThat(cache.get(KEY, () -> slow(99)).total()).isEqualTo(2);
    }

    @Test
    void slowTalliesAreKeptUntilTheyExpire() {
        BadgeCache cache = new BadgeCache(100, 5_000, nanos::get);
        assertThat(cache.get(KEY, () -> slow(100)).total()).isEqualTo(1);
        nanos.addAndGet(4_999);
        assertThat(cache.get(KEY, () -> slow(100)).total()).isEqualTo(1);
        assertThat(cache.get(new BadgeCache.Key(1, "web"), () -> slow(1)).total()).isEqualTo(2);
        nanos.addAndGet(1);
        assertThat(cache.get(KEY, () -> slow(100)).total()).isEqualTo(3);
    }

    @Test
    void concurrentRequestsShareOneComputation() throws Exception {
        BadgeCache cache = new BadgeCache(Long.MAX_VALUE, 0, nanos::get);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Tally> first =
                CompletableFuture.supplyAsync(
                        () ->
                                cache.get(
                                        KEY,
                                        () -> {
                                            computed.incrementAndGet();
                                            waitFor(release);
                                            return new Tally(7, 1, 2);
                                        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> computed.get() == 1);
        List<CompletableFuture<Tally>> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(CompletableFuture.supplyAsync(() -> cache.get(KEY, () -> slow(0))));
        }
        release.countDown();
        assertThat(first.get()).isEqualTo(new Tally(7, 1, 2));
        for (CompletableFuture<Tally> other : others) {
            Tally t = other.get();
            // a request that came after the shared one finished computes afresh (not kept)
            assertThat(t.equals(new Tally(7, 1, 2)) || t.total() > 1).isTrue();
        }
        assertThat(computed.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void failuresReachTheWaitersAndAreNotKept() {
        BadgeCache cache = new BadgeCache(0, 5_000, nanos::get);
        assertThatThrownBy(
                        () ->
                                cache.get(
                                        KEY,
                                        () -> {
                                            throw new ScanLimiter.BusyException();
                                        }))
                .isInstanceOf(ScanLimiter.BusyException.class);
        assertThat(cache.get(KEY, () -> slow(0)).total()).isEqualTo(1);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
