package io.mychecks.core.pings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.Appliance;
import io.mychecks.core.checks.Check;
import io.mychecks.core.db.Database;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Two daemons on one database, pinging the same checks at once: no ping is lost or doubled. */
class PingIntakeConcurrencyTest {
    static final int PER_DAEMON = 600;

    @Test
    void twoDaemonsOnPostgresLoseNoPing() {
        hammer(TestDatabases::postgres);
    }

    @Test
    void twoDaemonsOnOneSqliteFileLoseNoPing() {
        hammer(TestDatabases::sqlite);
    }

    private void hammer(Supplier<TestDatabase> databases) {
        try (TestDatabase db = databases.get()) {
            Settings settings =
                    Settings.of(
                            Map.of(
                                    "SECRET_KEY",
                                    "k",
                                    "DATA_DIR",
                                    System.getProperty("java.io.tmpdir")));
            Appliance first = new Appliance(settings, Clock.systemUTC(), db.database());
            Fixtures fx = Fixtures.seed(first);
            List<Check> checks =
                    List.of(fx.aliceCheck(b -> {}), fx.aliceCheck(b -> {}), fx.aliceCheck(b -> {}));
            Database otherPool = db.openAnother();
            Appliance second = new Appliance(settings, Clock.systemUTC(), otherPool);
            try {
                List<CompletableFuture<PingResult>> results = new ArrayList<>();
                for (int i = 0; i < PER_DAEMON; i++) {
                    for (Appliance daemon : List.of(first, second)) {
                        Check c = checks.get(i % checks.size());
                        PingKind kind = i % 7 == 0 ? PingKind.FAIL : PingKind.SUCCESS;
                        results.add(
                                daemon.pingIntake()
                                        .submit(
                                                new PingEvent(
                                                        CheckRef.byCode(c.code()),
                                                        kind,
                                                        null,
                                                        null,
                                                        null,
                                                        "127.0.0.1",
                                                        "http",
                                                        "GET",
                                                        "test",
                                                        false,
                                                        null,
                                                        null)));
                    }
                }
                results.forEach(
                        f -> assertThat(f.join().outcome()).isEqualTo(PingResult.Outcome.OK));
                long total = 0;
                for (Check c : checks) {
                    Check after = fx.reload(c);
                    List<Ping> stored =
                            first.pings().recent(first.database().dsl(), c.id(), 0, 10_000);
                    // the ping log keeps the latest 100 (pruned every 100th ping)
                    assertThat(stored).hasSizeBetween(100, 199);
                    assertThat(stored.get(0).n()).isEqualTo(after.state().nPings());
                    assertThat(stored.stream().map(Ping::n).distinct().count())
                            .isEqualTo(stored.size());
                    total += after.state().nPings();
                }
                assertThat(total).isEqualTo(2L * PER_DAEMON);
            } finally {
                first.pingIntake().stop();
                second.pingIntake().stop();
                otherPool.close();
            }
        }
    }
}
