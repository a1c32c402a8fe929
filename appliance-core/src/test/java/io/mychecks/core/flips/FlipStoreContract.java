package io.mychecks.core.flips;

import static io.mychecks.core.checks.CheckStatus.DOWN;
import static io.mychecks.core.checks.CheckStatus.NEW;
import static io.mychecks.core.checks.CheckStatus.PAUSED;
import static io.mychecks.core.checks.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** FlipStore on each database (STYLE.md 3.7, tier 2). */
interface FlipStoreContract {
    Instant T = Instant.parse("2025-06-15T12:00:00.555555555Z");
    Instant T_MS = T.truncatedTo(ChronoUnit.MILLIS);

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default FlipStore store() {
        return new FlipStore();
    }

    default Check newCheck() {
        return new Seed(database()).checkOfNewUser(T);
    }

    default long insert(
            Check check, Instant created, CheckStatus from, CheckStatus to, boolean processed) {
        return database()
                .inTransaction(
                        cfg ->
                                store().insert(
                                                cfg.dsl(),
                                                new FlipDraft(
                                                        check.id(), created, from, to, "timeout"),
                                                processed));
    }

    default boolean claim(long flipId, Instant now) {
        return database().inTransaction(cfg -> store().claim(cfg.dsl(), flipId, now));
    }

    @Test
    default void insertedFlipReadsBackAtMillisecondPrecision() {
        Check check = newCheck();
        long id = insert(check, T, UP, DOWN, false);
        assertThat(store().latest(database().dsl(), check.id()))
                .contains(new Flip(id, check.id(), T_MS, null, UP, DOWN, "timeout"));
    }

    @Test
    default void flipsThatNotifyNobodyAreStoredAlreadyProcessed() {
        Check check = newCheck();
        long fromNew = insert(check, T, NEW, UP, false);
        long fromPaused = insert(check, T.plusSeconds(1), PAUSED, UP, false);
        long handled = insert(check, T.plusSeconds(2), UP, DOWN, true);
        long pending = insert(check, T.plusSeconds(3), DOWN, UP, false);
        assertThat(store().forCheck(database().dsl(), check.id(), null, null))
                .extracting(Flip::id, Flip::processed)
                .containsExactly(
                        tuple(pending, null),
                        tuple(handled, T_MS.plusSeconds(2)),
                        tuple(fromPaused, T_MS.plusSeconds(1)),
                        tuple(fromNew, T_MS));
        assertThat(store().unprocessed(database().dsl(), 10))
                .extracting(Flip::id)
                .containsExactly(pending);
        assertThat(store().countUnprocessed(database().dsl())).isEqualTo(1);
    }

    @Test
    default void unprocessedListsOldestFirstUpToTheLimit() {
        Check check = newCheck();
        long first = insert(check, T, UP, DOWN, false);
        long second = insert(check, T.plusSeconds(1), DOWN, UP, false);
        insert(check, T.plusSeconds(2), UP, DOWN, false);
        assertThat(store().unprocessed(database().dsl(), 2))
                .extracting(Flip::id)
                .containsExactly(first, second);
    }

    @Test
    default void claimSucceedsOnceThenTheFlipIsProcessed() {
        Check check = newCheck();
        long id = insert(check, T, UP, DOWN, false);
        assertThat(claim(id, T.plusSeconds(1))).isTrue();
        assertThat(claim(id, T.plusSeconds(2))).isFalse();
        assertThat(store().latest(database().dsl(), check.id()).orElseThrow().processed())
                .isEqualTo(T_MS.plusSeconds(1));
        assertThat(store().unprocessed(database().dsl(), 10)).isEmpty();
    }

    @Test
    default void concurrentClaimsHaveExactlyOneWinner() throws Exception {
        Check check = newCheck();
        List<Long> flips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flips.add(insert(check, T.plusSeconds(i), UP, DOWN, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> claimers = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                claimers.add(
                        () -> {
                            int won = 0;
                            for (long id : flips) {
                                won += claim(id, T) ? 1 : 0;
                            }
                            return won;
                        });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(claimers)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(flips.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void forCheckFiltersByTimeNewestFirst() {
        Check check = newCheck();
        Check other = newCheck();
        long a = insert(check, T, UP, DOWN, true);
        long b = insert(check, T.plusSeconds(60), DOWN, UP, true);
        long c = insert(check, T.plusSeconds(120), UP, DOWN, true);
        insert(other, T.plusSeconds(60), UP, DOWN, true);
        assertThat(store().forCheck(database().dsl(), check.id(), null, null))
                .extracting(Flip::id)
                .containsExactly(c, b, a);
        assertThat(store().forCheck(database().dsl(), check.id(), T.plusSeconds(60), null))
                .extracting(Flip::id)
                .containsExactly(c, b);
        assertThat(store().forCheck(database().dsl(), check.id(), null, T_MS.plusSeconds(60)))
                .extracting(Flip::id)
                .containsExactly(a);
        assertThat(store().latest(database().dsl(), check.id())).map(Flip::id).contains(c);
    }

    @Test
    default void deleteOlderThanKeepsUnprocessedAndNewerFlips() {
        Check check = newCheck();
        insert(check, T, UP, DOWN, true);
        long unprocessed = insert(check, T.plusSeconds(1), DOWN, UP, false);
        long newer = insert(check, T.plusSeconds(100), UP, DOWN, true);
        assertThat(
                        database()
                                .inTransaction(
                                        cfg ->
                                                store().deleteOlderThan(
                                                                cfg.dsl(), T.plusSeconds(50)))
                                .intValue())
                .isEqualTo(1);
        assertThat(store().forCheck(database().dsl(), check.id(), null, null))
                .extracting(Flip::id)
                .containsExactly(newer, unprocessed);
    }
}
