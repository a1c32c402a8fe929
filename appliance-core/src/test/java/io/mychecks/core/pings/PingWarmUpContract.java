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

        PingWarmUp.Report report = warmUp().run(Duration.ofSeconds(30));

        assertThat(report.pings()).isEqualTo(PingWarmUp.MAX_BATCHES * PingWarmUp.BATCH);
        assertThat(reload(before)).isEqualTo(before);
        assertThat(new PingStore().maxId(database().dsl())).isEmpty();
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
