package io.mychecks.core.pings;

import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Runs the ping write path before the daemon takes traffic, so that the first pings after a start
 * are not the ones that wait for the JVM to load and compile it (a restart during a busy minute
 * otherwise answers its first second of pings 10–50 times slower than the rest).
 *
 * <p>Batches of synthetic pings for existing checks go through the writer's own code — look-up,
 * state changes, ping rows, flips, log trimming — inside transactions that are always rolled back:
 * nothing is stored, no flip is signalled, no check changes. It stops after {@code budget} or
 * {@link #MAX_BATCHES} batches, whichever comes first, and does nothing when there are no checks.
 *
 * <p>On PostgreSQL, where other daemons may be serving the same database, each batch gives up at
 * once rather than wait for a row another one holds (a 50 ms lock timeout ends the warm-up), and
 * the ping and flip rows go to temporary tables of the same shape that hide the real ones for this
 * connection only: a rolled-back insert into the real tables would still use up their sequence
 * values, and the service metrics report the highest ping id.
 */
final class PingWarmUp {
    /** Enough batches for the JIT to compile the path at both tiers. */
    static final int MAX_BATCHES = 400;

    static final int BATCH = 64;
    private static final int SAMPLE = 256;

    /** What the warm-up did: pings applied (and rolled back) in how long, or why it stopped. */
    record Report(int pings, Duration took, String failure) {}

    private final Database database;
    private final PingBatch batchLogic;
    private final CheckStore checks;

    PingWarmUp(Database database, PingBatch batchLogic, CheckStore checks) {
        this.database = database;
        this.batchLogic = batchLogic;
        this.checks = checks;
    }

    /** Runs the warm-up; a database failure ends it quietly (the writers will report it). */
    Report run(Duration budget) {
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        int pings = 0;
        String failure = null;
        try (Connection conn = database.openConnection()) {
            if (database.isPostgres()) {
                conn.setNetworkTimeout(Runnable::run, 10_000);
                try (Statement st = conn.createStatement()) {
                    // the session's temporary schema is searched first: "pings" is this one now
                    st.execute("CREATE TEMPORARY TABLE pings (LIKE pings INCLUDING ALL)");
                    st.execute("CREATE TEMPORARY TABLE flips (LIKE flips INCLUDING ALL)");
                }
            }
            DSLContext ctx = database.dslOn(conn);
            List<UUID> codes = checks.sampleCodes(ctx, SAMPLE);
            if (!codes.isEmpty()) {
                SplittableRandom random = new SplittableRandom(codes.size());
                for (int b = 0; b < MAX_BATCHES && System.nanoTime() < end; b++) {
                    pings += applyAndRollBack(conn, ctx, events(codes, random));
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the database is away or busy: start anyway, cold
            failure = e.getClass().getSimpleName();
        }
        return new Report(pings, Duration.ofNanos(System.nanoTime() - start), failure);
    }

    private int applyAndRollBack(Connection conn, DSLContext ctx, List<PingEvent> events)
            throws SQLException {
        conn.setAutoCommit(false);
        try {
            if (database.isPostgres()) {
                try (Statement st = conn.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '50ms'");
                    st.execute("SET LOCAL statement_timeout = '2s'");
                }
            }
            batchLogic.apply(ctx, events);
            return events.size();
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** A batch as a busy minute sends it: mostly plain successes, some starts, a failure. */
    private static List<PingEvent> events(List<UUID> codes, SplittableRandom random) {
        List<PingEvent> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int roll = random.nextInt(32);
            PingKind kind =
                    roll == 0 ? PingKind.FAIL : roll < 4 ? PingKind.START : PingKind.SUCCESS;
            events.add(
                    new PingEvent(
                            CheckRef.byCode(codes.get(random.nextInt(codes.size()))),
                            kind,
                            null,
                            null,
                            null,
                            "127.0.0.1",
                            "http",
                            "GET",
                            "mychecks-warm-up",
                            false,
                            null,
                            null));
        }
        return events;
    }
}
