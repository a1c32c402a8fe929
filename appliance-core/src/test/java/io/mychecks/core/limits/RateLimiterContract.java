package io.mychecks.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rate limits kept in the database, on each database. */
interface RateLimiterContract {
    Instant T = Instant.parse("2026-03-01T10:00:00Z");

    TestDatabase db();

    default RateLimiter limiter(MutableClock clock) {
        return new RateLimiter(db().database(), clock, new TokenBucketStore());
    }

    @Test
    default void aBucketAllowsItsCapacityThenRefillsEvenly() {
        MutableClock clock = new MutableClock(T);
        RateLimiter limits = limiter(clock);
        for (int i = 0; i < 20; i++) {
            assertThat(limits.tryTake("pw-a", 20, Duration.ofDays(1))).as("attempt %d", i).isTrue();
        }
        assertThat(limits.tryTake("pw-a", 20, Duration.ofDays(1))).isFalse();
        // another bucket is not affected
        assertThat(limits.tryTake("pw-b", 20, Duration.ofDays(1))).isTrue();
        // refused attempts take nothing: one refill step later, exactly one more is allowed
        for (int i = 0; i < 5; i++) {
            assertThat(limits.tryTake("pw-a", 20, Duration.ofDays(1))).isFalse();
        }
        clock.advance(Duration.ofDays(1).dividedBy(20));
        assertThat(limits.tryTake("pw-a", 20, Duration.ofDays(1))).isTrue();
        assertThat(limits.tryTake("pw-a", 20, Duration.ofDays(1))).isFalse();
        // a full period refills it, no further
        clock.advance(Duration.ofDays(30));
        int allowed = 0;
        while (limits.tryTake("pw-a", 20, Duration.ofDays(1))) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(20);
    }

    @Test
    default void concurrentAttemptsNeverTakeMoreThanTheCapacity() throws Exception {
        RateLimiter limits = limiter(new MutableClock(T));
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] fs = new Future<?>[8];
            for (int t = 0; t < 8; t++) {
                fs[t] =
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 10; i++) {
                                        if (limits.tryTake("auth-ip-x", 20, Duration.ofHours(1))) {
                                            allowed.incrementAndGet();
                                        }
                                    }
                                });
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allowed.get()).isEqualTo(20);
    }

    @Test
    default void keysNameNoOneAndAliasesOfAnAddressShareOne() {
        String k = RateLimiter.key("em-", "secret", "First.Last+news@Example.org");
        assertThat(k).startsWith("em-").hasSize(43).doesNotContain("example");
        assertThat(RateLimiter.key("em-", "secret", "firstlast@example.org")).isEqualTo(k);
        assertThat(RateLimiter.key("em-", "other", "firstlast@example.org")).isNotEqualTo(k);
        assertThat(RateLimiter.key("em-", "secret", "first@example.org")).isNotEqualTo(k);
        assertThatThrownBy(
                        () ->
                                limiter(new MutableClock(T))
                                        .tryTake("x".repeat(81), 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void aBucketWithoutCapacityOrPeriodIsRefusedAsAProgrammingError() {
        RateLimiter limits = limiter(new MutableClock(T));
        assertThatThrownBy(() -> limits.tryTake("k", 0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.tryTake("k", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits.tryTake("k", 1, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
