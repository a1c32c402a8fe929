package io.mychecks.core.pings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.Appliance;
import io.mychecks.core.checks.Check;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.pings.PingResult.Outcome;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ping path under faults: a ping refused by the database fails alone, a locked or lost database
 * answers "unavailable" by the deadline and intake resumes when it is back, the writer survives
 * errors, and the queue is bounded by bytes.
 */
class PingIntakeFaultTest {
    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** An appliance on a fresh database, with Alice's fixtures. */
    private Fixtures seed(Supplier<TestDatabase> databases) {
        TestDatabase db = databases.get();
        toClose.add(db);
        Settings settings =
                Settings.of(
                        Map.of(
                                "SECRET_KEY",
                                "k",
                                "DATA_DIR",
                                System.getProperty("java.io.tmpdir")));
        Appliance app = new Appliance(settings, Clock.systemUTC(), db.database());
        toClose.add(() -> app.pingIntake().stop());
        return Fixtures.seed(app);
    }

    private PingIntake intake(Fixtures fx, Clock clock, PingIntake.Limits limits) {
        Appliance app = fx.app;
        PingIntake intake =
                new PingIntake(
                        app.database(),
                        clock,
                        new PingBatch.Stores(
                                app.checks(),
                                app.pings(),
                                app.flips(),
                                app.projects(),
                                app.channels()),
                        new FlipSignal(),
                        limits);
        toClose.add(intake::stop);
        return intake;
    }

    private static PingEvent ping(Check check, String ua, byte[] body) {
        return new PingEvent(
                CheckRef.byCode(check.code()),
                PingKind.SUCCESS,
                null,
                null,
                body,
                "127.0.0.1",
                "http",
                "POST",
                ua,
                false,
                null,
                null);
    }

    private static PingEvent bySlug(Fixtures fx, String slug, boolean create) {
        return new PingEvent(
                CheckRef.bySlug(fx.alicePingKey, slug),
                PingKind.SUCCESS,
                null,
                null,
                null,
                "127.0.0.1",
                "http",
                "GET",
                "test",
                create,
                null,
                null);
    }

    // --- a ping refused on its own fails alone ----------------------------------------------

    @Test
    void aPingRefusedByAConstraintFailsAloneOnSqlite() throws Exception {
        refusedPingFailsAlone(TestDatabases::sqlite);
    }

    @Test
    void aPingRefusedByAConstraintFailsAloneOnPostgres() throws Exception {
        refusedPingFailsAlone(TestDatabases::postgres);
    }

    private void refusedPingFailsAlone(Supplier<TestDatabase> databases) throws Exception {
        Fixtures fx = seed(databases);
        Check a = fx.aliceCheck(b -> {});
        Check b = fx.aliceCheck(b2 -> {});
        refuseUserAgent(fx, "refused");
        PingIntake intake = intake(fx, Clock.systemUTC(), PingIntake.Limits.defaults());

        List<PingResult> results =
                intake.applyNow(
                        List.of(
                                ping(a, "first", null),
                                ping(b, "refused", null),
                                ping(a, "third", null),
                                ping(b, "fourth", null)));

        assertThat(results)
                .extracting(PingResult::outcome)
                .containsExactly(Outcome.OK, Outcome.UNAVAILABLE, Outcome.OK, Outcome.OK);
        assertThat(fx.reload(a).state().nPings()).isEqualTo(2);
        assertThat(fx.reload(b).state().nPings()).isEqualTo(1);
        assertThat(userAgents(fx, b)).containsExactly("fourth");
    }

    /** A trigger that refuses pings with this user agent, as a constraint would. */
    private static void refuseUserAgent(Fixtures fx, String ua) throws SQLException {
        try (Connection c = fx.app.database().dataSource().getConnection();
                Statement st = c.createStatement()) {
            if (fx.app.database().isPostgres()) {
                st.execute(
                        "CREATE FUNCTION refuse_ping() RETURNS trigger AS $$ BEGIN IF NEW.ua = '"
                                + ua
                                + "' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '23514';"
                                + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                st.execute(
                        "CREATE TRIGGER refuse_ping BEFORE INSERT ON pings FOR EACH ROW"
                                + " EXECUTE FUNCTION refuse_ping()");
            } else {
                st.execute(
                        "CREATE TRIGGER refuse_ping BEFORE INSERT ON pings WHEN NEW.ua = '"
                                + ua
                                + "' BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }
        }
    }

    private static List<String> userAgents(Fixtures fx, Check check) throws SQLException {
        // on a connection of its own: the pool's may have been killed by the test
        try (Connection c = fx.app.database().openConnection()) {
            List<String> out = new ArrayList<>();
            fx.app
                    .pings()
                    .recent(fx.app.database().dslOn(c), check.id(), 0, 100)
                    .forEach(p -> out.add(p.ua()));
            return out;
        }
    }

    // --- a locked database: answered by the deadline, not recorded, resumes at once ---------

    @Test
    void aLockedSqliteDatabaseAnswersUnavailableByTheDeadlineThenResumes() throws Exception {
        Fixtures fx = seed(TestDatabases::sqlite);
        Check check = fx.aliceCheck(b -> {});
        PingIntake intake =
                intake(fx, Clock.systemUTC(), new PingIntake.Limits(DEADLINE, 1000, 1024 * 1024));
        intake.start();
        assertThat(intake.submit(ping(check, "before", null)).get(5, TimeUnit.SECONDS).outcome())
                .isEqualTo(Outcome.OK);

        // another process takes the write lock and keeps it
        Connection locker = fx.app.database().openConnection();
        locker.setAutoCommit(false); // BEGIN IMMEDIATE: holds the write lock
        long t0 = System.nanoTime();
        CompletableFuture<PingResult> blocked = intake.submit(ping(check, "blocked", null));
        PingResult answer = blocked.get(DEADLINE.toMillis() + 1500, TimeUnit.MILLISECONDS);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(answer.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(waited).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 1200);

        locker.rollback();
        locker.close();
        long t1 = System.nanoTime();
        PingResult after = intake.submit(ping(check, "after", null)).get(5, TimeUnit.SECONDS);
        assertThat(after.outcome()).isEqualTo(Outcome.OK);
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(1000);
        // the ping answered "unavailable" was never recorded
        assertThat(userAgents(fx, check)).containsExactly("after", "before");
    }

    // --- lost connections: the writer reconnects --------------------------------------------

    @Test
    void killedPostgresConnectionsDoNotLosePings() throws Exception {
        Fixtures fx = seed(TestDatabases::postgres);
        Check check = fx.aliceCheck(b -> {});
        PingIntake intake = intake(fx, Clock.systemUTC(), PingIntake.Limits.defaults());
        intake.start();
        assertThat(intake.submit(ping(check, "one", null)).get(5, TimeUnit.SECONDS).outcome())
                .isEqualTo(Outcome.OK);
        try (Connection admin = fx.app.database().openConnection();
                Statement st = admin.createStatement()) {
            st.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        long t0 = System.nanoTime();
        assertThat(intake.submit(ping(check, "two", null)).get(5, TimeUnit.SECONDS).outcome())
                .isEqualTo(Outcome.OK);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
        fx.app.database().isHealthy(); // the pool drops its killed connections on first use
        assertThat(intake.submit(ping(check, "three", null)).get(5, TimeUnit.SECONDS).outcome())
                .isEqualTo(Outcome.OK);
        assertThat(userAgents(fx, check)).containsExactly("three", "two", "one");
    }

    // --- the writer survives any Throwable --------------------------------------------------

    @Test
    void theWriterSurvivesAnErrorAndCompletesEveryFuture() throws Exception {
        Fixtures fx = seed(TestDatabases::current);
        Check check = fx.aliceCheck(b -> {});
        FailingClock clock = new FailingClock();
        PingIntake intake = intake(fx, clock, PingIntake.Limits.defaults());
        intake.start();

        clock.failNext = true;
        PingResult failed = intake.submit(ping(check, "one", null)).get(5, TimeUnit.SECONDS);
        PingResult next = intake.submit(ping(check, "two", null)).get(5, TimeUnit.SECONDS);

        assertThat(failed.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(next.outcome()).isEqualTo(Outcome.OK);
        assertThat(userAgents(fx, check)).containsExactly("two");
    }

    /** A clock that throws an Error once when told to. */
    private static final class FailingClock extends Clock {
        volatile boolean failNext;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (failNext) {
                failNext = false;
                throw new StackOverflowError("injected");
            }
            return Instant.now();
        }
    }

    // --- bounded memory ---------------------------------------------------------------------

    @Test
    void theQueueIsBoundedByBytes() throws Exception {
        Fixtures fx = seed(TestDatabases::sqlite);
        Check check = fx.aliceCheck(b -> {});
        PingIntake intake =
                intake(fx, Clock.systemUTC(), new PingIntake.Limits(DEADLINE, 1000, 100_000));
        intake.start();
        Connection locker = fx.app.database().openConnection();
        locker.setAutoCommit(false); // the writer waits for the lock: pings pile up
        try {
            byte[] body = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            List<CompletableFuture<PingResult>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(intake.submit(ping(check, "big", body)));
            }
            // pings not answered yet may hold ~100 kB: four of these, the rest refused at once
            long refusedAtOnce = futures.stream().filter(CompletableFuture::isDone).count();
            assertThat(refusedAtOnce).isGreaterThanOrEqualTo(5);
            futures.stream()
                    .filter(CompletableFuture::isDone)
                    .forEach(f -> assertThat(f.join().outcome()).isEqualTo(Outcome.UNAVAILABLE));
            assertThat(intake.queuedBytes()).isLessThanOrEqualTo(100_000);
        } finally {
            locker.rollback();
            locker.close();
        }
    }

    // --- slug pings resolve to their check before they are queued ---------------------------

    @Test
    void slugAndUuidPingsOfOneCheckCountTogether() throws Exception {
        Fixtures fx = seed(TestDatabases::current);
        Check check = fx.aliceCheck(b -> b.slug = "backup");
        PingIntake intake = intake(fx, Clock.systemUTC(), PingIntake.Limits.defaults());
        List<CompletableFuture<PingResult>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(
                    intake.submit(
                            i % 2 == 0 ? ping(check, "uuid", null) : bySlug(fx, "backup", false)));
        }
        for (CompletableFuture<PingResult> f : futures) {
            PingResult r = f.get(10, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(r.checkCode()).isEqualTo(check.code());
        }
        assertThat(fx.reload(check).state().nPings()).isEqualTo(200);
    }

    @Test
    void concurrentCreatePingsMakeOneCheck() throws Exception {
        Fixtures fx = seed(TestDatabases::current);
        PingIntake intake = intake(fx, Clock.systemUTC(), PingIntake.Limits.defaults());
        List<CompletableFuture<PingResult>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(intake.submit(bySlug(fx, "made-by-ping", true)));
        }
        long created = 0;
        for (CompletableFuture<PingResult> f : futures) {
            Outcome outcome = f.get(10, TimeUnit.SECONDS).outcome();
            assertThat(outcome).isIn(Outcome.OK, Outcome.CREATED);
            created += outcome == Outcome.CREATED ? 1 : 0;
        }
        assertThat(created).isEqualTo(1);
        List<Check> found =
                fx.app
                        .checks()
                        .findBySlug(
                                fx.app.database().dsl(), fx.alicePingKey, "made-by-ping", false);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).state().nPings()).isEqualTo(40);
    }

    @Test
    void concurrentCreatePingsKeepTheCheckLimitExact() throws Exception {
        Fixtures fx = seed(TestDatabases::current);
        fx.app
                .database()
                .inTransactionRun(
                        cfg -> fx.app.users().setLimits(cfg.dsl(), fx.alice.id(), 3, 100));
        int before = fx.app.checks().countForOwner(fx.app.database().dsl(), fx.alice.id());
        PingIntake intake = intake(fx, Clock.systemUTC(), PingIntake.Limits.defaults());
        List<CompletableFuture<PingResult>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(intake.submit(bySlug(fx, "job-" + i, true)));
        }
        long created = 0;
        for (CompletableFuture<PingResult> f : futures) {
            Outcome outcome = f.get(10, TimeUnit.SECONDS).outcome();
            assertThat(outcome).isIn(Outcome.CREATED, Outcome.NOT_FOUND);
            created += outcome == Outcome.CREATED ? 1 : 0;
        }
        // create=1 may go up to twice the check limit, and not one check more
        assertThat(created).isEqualTo(6 - before);
        assertThat(fx.app.checks().countForOwner(fx.app.database().dsl(), fx.alice.id()))
                .isEqualTo(6);
    }
}
