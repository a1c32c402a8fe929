package io.mychecks.core.pings;

import static io.mychecks.core.db.schema.Tables.PINGS;

import io.mychecks.core.db.Jdbc;
import io.mychecks.core.db.RenderedSql;
import io.mychecks.core.db.schema.tables.records.PingsRecord;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Reads and writes pings. */
public final class PingStore {
    private static final org.jooq.Field<?>[] INSERT_FIELDS = {
        PINGS.CHECK_ID, PINGS.N, PINGS.CREATED, PINGS.KIND, PINGS.SCHEME, PINGS.REMOTE_ADDR,
        PINGS.METHOD, PINGS.UA, PINGS.BODY, PINGS.EXITSTATUS, PINGS.RID, PINGS.DURATION_MS
    };

    /** Inserts pings (their ids are ignored) as one JDBC batch. */
    public void insertAll(DSLContext ctx, List<Ping> pings) {
        if (pings.isEmpty()) {
            return;
        }
        String sql =
                RenderedSql.of(
                        ctx,
                        "insert-ping",
                        c ->
                                c.insertInto(PINGS, INSERT_FIELDS)
                                        .values(new Object[INSERT_FIELDS.length]));
        ctx.connection(
                conn -> {
                    try (PreparedStatement ps = conn.prepareStatement(sql)) {
                        for (Ping p : pings) {
                            ps.setLong(1, p.checkId());
                            ps.setLong(2, p.n());
                            Jdbc.setInstant(ps, 3, p.created());
                            ps.setString(4, p.kind().wire());
                            ps.setString(5, p.scheme());
                            ps.setString(6, p.remoteAddr());
                            ps.setString(7, p.method());
                            ps.setString(8, p.ua());
                            ps.setBytes(9, p.body());
                            Jdbc.setInteger(ps, 10, p.exitStatus());
                            ps.setString(11, p.rid());
                            Jdbc.setLong(ps, 12, p.durationMs());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                });
    }

    /**
     * Returns when the run {@code rid} started: the latest start, success or fail with that rid
     * since {@code since}, if it is a start.
     */
    public Instant startOfRun(DSLContext ctx, long checkId, String rid, Instant since) {
        Record r =
                ctx.select(PINGS.KIND, PINGS.CREATED)
                        .from(PINGS)
                        .where(PINGS.CHECK_ID.eq(checkId))
                        .and(PINGS.RID.eq(rid))
                        .and(PINGS.CREATED.ge(since))
                        .and(PINGS.KIND.in("start", "success", "fail"))
                        .orderBy(PINGS.N.desc())
                        .limit(1)
                        .fetchOne();
        return r != null && "start".equals(r.get(PINGS.KIND)) ? r.get(PINGS.CREATED) : null;
    }

    /** The newest pings of a check, newest first, without bodies (use {@link #find}). */
    public List<Ping> recent(DSLContext ctx, long checkId, long minN, int limit) {
        return ctx.select(
                        PINGS.ID,
                        PINGS.CHECK_ID,
                        PINGS.N,
                        PINGS.CREATED,
                        PINGS.KIND,
                        PINGS.SCHEME,
                        PINGS.REMOTE_ADDR,
                        PINGS.METHOD,
                        PINGS.UA,
                        PINGS.EXITSTATUS,
                        PINGS.RID,
                        PINGS.DURATION_MS,
                        DSL.field(PINGS.BODY.isNotNull()).as("has_body"))
                .from(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .and(PINGS.N.gt(minN))
                .orderBy(PINGS.N.desc())
                .limit(limit)
                .fetch(
                        r ->
                                new Ping(
                                        r.get(PINGS.ID),
                                        r.get(PINGS.CHECK_ID),
                                        r.get(PINGS.N),
                                        r.get(PINGS.CREATED),
                                        PingKind.fromWire(r.get(PINGS.KIND)),
                                        r.get(PINGS.SCHEME),
                                        r.get(PINGS.REMOTE_ADDR),
                                        r.get(PINGS.METHOD),
                                        r.get(PINGS.UA),
                                        Boolean.TRUE.equals(r.get("has_body", Boolean.class))
                                                ? new byte[0]
                                                : null,
                                        r.get(PINGS.EXITSTATUS),
                                        r.get(PINGS.RID),
                                        r.get(PINGS.DURATION_MS)));
    }

    /** The ping number {@code n} of a check, with its body. */
    public Optional<Ping> find(DSLContext ctx, long checkId, long n) {
        return ctx.selectFrom(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .and(PINGS.N.eq(n))
                .fetchOptional()
                .map(PingStore::toPing);
    }

    /**
     * The latest counted ping (see {@link #lastCounted}) of each check in {@code checkIds} that has
     * one, by check id: one query.
     */
    public java.util.Map<Long, Ping> lastCountedFor(
            DSLContext ctx, java.util.Collection<Long> checkIds) {
        java.util.Map<Long, Ping> out = new java.util.HashMap<>();
        if (checkIds.isEmpty()) {
            return out;
        }
        var latest =
                DSL.select(PINGS.CHECK_ID.as("lc_check"), DSL.max(PINGS.N).as("lc_n"))
                        .from(PINGS)
                        .where(PINGS.CHECK_ID.in(checkIds))
                        .and(PINGS.KIND.in("success", "fail", "start"))
                        .groupBy(PINGS.CHECK_ID)
                        .asTable("lc");
        ctx.select(PINGS.fields())
                .from(PINGS)
                .join(latest)
                .on(PINGS.CHECK_ID.eq(latest.field("lc_check", Long.class)))
                .and(PINGS.N.eq(latest.field("lc_n", Long.class)))
                .forEach(r -> out.put(r.get(PINGS.CHECK_ID), toPing(r.into(PINGS))));
        return out;
    }

    /** The latest ping of a check that is not a log or ignored ping, with its body. */
    public Optional<Ping> lastCounted(DSLContext ctx, long checkId) {
        return ctx.selectFrom(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .and(PINGS.KIND.in("success", "fail", "start"))
                .orderBy(PINGS.N.desc())
                .limit(1)
                .fetchOptional()
                .map(PingStore::toPing);
    }

    /** Deletes the pings of a check numbered {@code n <= upToN}; returns how many. */
    public int deleteUpTo(DSLContext ctx, long checkId, long upToN) {
        return ctx.deleteFrom(PINGS)
                .where(PINGS.CHECK_ID.eq(checkId))
                .and(PINGS.N.le(upToN))
                .execute();
    }

    public Optional<Long> maxId(DSLContext ctx) {
        return Optional.ofNullable(
                ctx.select(DSL.max(PINGS.ID)).from(PINGS).fetchOne(0, Long.class));
    }

    static Ping toPing(PingsRecord r) {
        return new Ping(
                r.getId(),
                r.getCheckId(),
                r.getN(),
                r.getCreated(),
                PingKind.fromWire(r.getKind()),
                r.getScheme(),
                r.getRemoteAddr(),
                r.getMethod(),
                r.getUa(),
                r.getBody(),
                r.getExitstatus(),
                r.getRid(),
                r.getDurationMs());
    }
}
