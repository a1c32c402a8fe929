package io.mychecks.core.pings;

import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
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
 */
final class PingWarmUp {
    /** Enough batches for the JIT to compile the path at both tiers. */
    static final int MAX_BATCHES = 400;

    static final int BATCH = 64;
    private static final int SAMPLE = 256;

    /** What the warm-up did: pings applied (and rolled back) in how long. */
    record Report(int pings, Duration took) {}

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
        try (Connection conn = database.openConnection()) {
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
        }
        return new Report(pings, Duration.ofNanos(System.nanoTime() - start));
    }

    private int applyAndRollBack(Connection conn, DSLContext ctx, List<PingEvent> events)
            throws SQLException {
        conn.setAutoCommit(false);
        try {
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
