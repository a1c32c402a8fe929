package io.mychecks.core.pings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ping path's warm-up on each database: it runs the write path and stores nothing. */
interface PingWarmUpContract {
    Instant T = Instant.parse("2025-06-15T12:00:00Z");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default PingWarmUp warmUp() {
        CheckStore checks = new CheckStore();
        PingBatch batch =
                new PingBatch(
                        Clock.fixed(T.plusSeconds(600), ZoneOffset.UTC),
                        new PingBatch.Stores(
                                checks,
                                new PingStore(),
                                new FlipStore(),
                                new ProjectStore(),
                                new ChannelStore()));
        return new PingWarmUp(database(), batch, checks);
    }

    default List<Check> reload(List<Check> checks) {
        List<java.util.UUID> codes = new ArrayList<>();
        checks.forEach(c -> codes.add(c.code()));
        return new CheckStore().findByCodes(database().dsl(), codes, false);
    }

    /** Inserts a real ping of {@code check}; returns its id. */
    default long insertPing(Check check, long n) {
        database()
                .inTransactionRun(
                        cfg ->
                                new PingStore()
                                        .insertAll(
                                                cfg.dsl(),
                                                List.of(
                                                        new Ping(
                                                                0,
                                                                check.id(),
                                                                n,
                                                                T,
                                                                PingKind.SUCCESS,
                                                                "http",
                                                                "127.0.0.1",
                                                                "GET",
                                                                "",
                                                                null,
                                                                null,
                                                                null,
                                                                null))));
        return new PingStore().maxId(database().dsl()).orElseThrow();
    }

    @Test
    default void appliesPingsToExistingChecksAndLeavesNoTraceOfThem() {
        Seed seed = new Seed(database());
        Check up = seed.checkOfNewUser(T);
        // a down check: a success ping would flip it up and queue alerts, were it kept
        Check down = seed.checkOfNewUser(T);
        Check downState =
                down.withState(
                        new CheckState(5, T, null, null, null, false, null, CheckStatus.DOWN));
        database().inTransactionRun(cfg -> new CheckStore().update(cfg.dsl(), downState));
        List<Check> before = reload(List.of(up, downState));
        long firstId = insertPing(up, 1);
        database().inTransactionRun(cfg -> new PingStore().deleteUpTo(cfg.dsl(), up.id(), 1));

        PingWarmUp.Report report = warmUp().run(Duration.ofSeconds(30));

        assertThat(report.pings()).isEqualTo(PingWarmUp.MAX_BATCHES * PingWarmUp.BATCH);
        assertThat(report.failure()).isNull();
        assertThat(reload(before)).isEqualTo(before);
        assertThat(new PingStore().maxId(database().dsl())).isEmpty();
        // no ping id was used up: the next real ping gets the next id (PostgreSQL sequences are
        // not rolled back, so the warm-up inserts no rows there)
        assertThat(insertPing(up, 2)).isEqualTo(firstId + 1);
        assertThat(new FlipStore().countUnprocessed(database().dsl())).isZero();
        assertThat(
                        new FlipStore()
                                .forCheck(
                                        database().dsl(),
                                        down.id(),
                                        Instant.EPOCH,
                                        T.plusSeconds(9999)))
                .isEmpty();
    }

    @Test
    default void doesNothingWithoutChecksOrWithoutTime() {
        assertThat(warmUp().run(Duration.ofSeconds(30)).pings()).isZero();
        new Seed(database()).checkOfNewUser(T);
        assertThat(warmUp().run(Duration.ZERO).pings()).isZero();
    }
}
