package io.mychecks.core.checks;

import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Jdbc;
import io.mychecks.core.db.RenderedSql;
import io.mychecks.core.db.schema.tables.records.ChecksRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads and writes checks. Every method takes the caller's DSLContext (and transaction). */
public final class CheckStore {

    public Optional<Check> findByCode(DSLContext ctx, UUID code) {
        return ctx.selectFrom(CHECKS)
                .where(CHECKS.CODE.eq(code.toString()))
                .fetchOptional()
                .map(CheckStore::toCheck);
    }

    public Optional<Check> findById(DSLContext ctx, long id) {
        return ctx.selectFrom(CHECKS)
                .where(CHECKS.ID.eq(id))
                .fetchOptional()
                .map(CheckStore::toCheck);
    }

    /**
     * Returns the checks with these codes, ordered by id; locks their rows on PostgreSQL. This is
     * the ping path's look-up: one {@code = ANY(?)} query on PostgreSQL, indexed point queries on
     * one prepared statement on SQLite (both cheaper than a long IN list).
     */
    public List<Check> findByCodes(DSLContext ctx, Collection<UUID> codes, boolean lock) {
        if (codes.isEmpty()) {
            return List.of();
        }
        boolean pg = Database.isPostgres(ctx);
        String sql =
                pg
                        ? RenderedSql.of(
                                ctx,
                                lock ? "checks-by-codes-lock" : "checks-by-codes",
                                c -> {
                                    var q =
                                            c.selectFrom(CHECKS)
                                                    .where(CHECKS.CODE.eq(DSL.any(new String[0])))
                                                    .orderBy(CHECKS.ID);
                                    return lock ? q.forUpdate() : q;
                                })
                        : RenderedSql.of(
                                ctx,
                                "check-by-code",
                                c -> c.selectFrom(CHECKS).where(CHECKS.CODE.eq("")));
        return ctx.connectionResult(
                conn -> {
                    List<Check> out = new ArrayList<>(codes.size());
                    try (PreparedStatement ps = conn.prepareStatement(sql)) {
                        if (pg) {
                            ps.setArray(
                                    1,
                                    conn.createArrayOf(
                                            "varchar",
                                            codes.stream().map(UUID::toString).toArray()));
                            readChecks(ps, out);
                        } else {
                            for (UUID code : codes) {
                                ps.setString(1, code.toString());
                                readChecks(ps, out);
                            }
                            out.sort(java.util.Comparator.comparingLong(Check::id));
                        }
                    }
                    return out;
                });
    }

    private static void readChecks(PreparedStatement ps, List<Check> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(readRow(rs));
            }
        }
    }

    /** Returns the checks of the project with {@code pingKey} that have {@code slug}. */
    public List<Check> findBySlug(DSLContext ctx, String pingKey, String slug, boolean lock) {
        var q =
                ctx.select(CHECKS.fields())
                        .from(CHECKS)
                        .join(PROJECTS)
                        .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                        .where(PROJECTS.PING_KEY.eq(pingKey))
                        .and(CHECKS.SLUG.eq(slug))
                        .orderBy(CHECKS.ID);
        var rows =
                lock && Database.isPostgres(ctx)
                        ? q.forUpdate().of(CHECKS).fetchInto(CHECKS)
                        : q.fetchInto(CHECKS);
        return rows.map(CheckStore::toCheck);
    }

    public List<Check> listForProject(DSLContext ctx, long projectId) {
        return ctx.selectFrom(CHECKS)
                .where(CHECKS.PROJECT_ID.eq(projectId))
                .orderBy(CHECKS.ID)
                .fetch()
                .map(CheckStore::toCheck);
    }

    /**
     * Returns the project's first check (lowest id) whose fields equal the given values; a null
     * value is not compared. The API's upsert ({@code unique}) uses it.
     */
    public Optional<Check> findFirstMatching(
            DSLContext ctx,
            long projectId,
            String name,
            String slug,
            String tags,
            Long timeout,
            Long grace) {
        org.jooq.Condition c = CHECKS.PROJECT_ID.eq(projectId);
        c = name == null ? c : c.and(CHECKS.NAME.eq(name));
        c = slug == null ? c : c.and(CHECKS.SLUG.eq(slug));
        c = tags == null ? c : c.and(CHECKS.TAGS.eq(tags));
        c = timeout == null ? c : c.and(CHECKS.TIMEOUT.eq(timeout));
        c = grace == null ? c : c.and(CHECKS.GRACE.eq(grace));
        return ctx.selectFrom(CHECKS)
                .where(c)
                .orderBy(CHECKS.ID)
                .limit(1)
                .fetchOptional()
                .map(CheckStore::toCheck);
    }

    /** Creates a check with a random UUID and badge key; returns it with its id. */
    public Check insert(DSLContext ctx, long projectId, CheckConfig config, Instant now) {
        ChecksRecord r = ctx.newRecord(CHECKS);
        r.setCode(UUID.randomUUID().toString());
        r.setBadgeKey(UUID.randomUUID().toString());
        r.setProjectId(projectId);
        r.setCreated(now);
        writeConfig(r, config);
        writeState(r, CheckState.fresh());
        r.store();
        return toCheck(r);
    }

    /** Writes the configuration and the state of {@code check}. */
    public void update(DSLContext ctx, Check check) {
        ChecksRecord r = ctx.newRecord(CHECKS);
        writeConfig(r, check.config());
        writeState(r, check.state());
        ctx.update(CHECKS).set(r).where(CHECKS.ID.eq(check.id())).execute();
    }

    /** Writes the state of many checks in one JDBC batch (the ping path's group commit). */
    public void updateStates(DSLContext ctx, Collection<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        String sql =
                RenderedSql.of(
                        ctx,
                        "update-check-state",
                        c ->
                                c.update(CHECKS)
                                        .set(CHECKS.N_PINGS, 0L)
                                        .set(CHECKS.LAST_PING, (Instant) null)
                                        .set(CHECKS.LAST_START, (Instant) null)
                                        .set(CHECKS.LAST_START_RID, (String) null)
                                        .set(CHECKS.LAST_DURATION_MS, (Long) null)
                                        .set(CHECKS.HAS_CONFIRMATION_LINK, false)
                                        .set(CHECKS.ALERT_AFTER, (Instant) null)
                                        .set(CHECKS.STATUS, "")
                                        .where(CHECKS.ID.eq(0L)));
        ctx.connection(
                conn -> {
                    try (PreparedStatement ps = conn.prepareStatement(sql)) {
                        for (Check c : checks) {
                            CheckState s = c.state();
                            ps.setLong(1, s.nPings());
                            Jdbc.setInstant(ps, 2, s.lastPing());
                            Jdbc.setInstant(ps, 3, s.lastStart());
                            ps.setString(4, s.lastStartRid());
                            Jdbc.setLong(ps, 5, s.lastDurationMs());
                            ps.setBoolean(6, s.hasConfirmationLink());
                            Jdbc.setInstant(ps, 7, s.alertAfter());
                            ps.setString(8, s.status().wire());
                            ps.setLong(9, c.id());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                });
    }

    public int delete(DSLContext ctx, long id) {
        return ctx.deleteFrom(CHECKS).where(CHECKS.ID.eq(id)).execute();
    }

    /** Counts the checks in all projects owned by {@code ownerId} (the check limit). */
    public int countForOwner(DSLContext ctx, long ownerId) {
        return ctx.selectCount()
                .from(CHECKS)
                .join(PROJECTS)
                .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                .where(PROJECTS.OWNER_ID.eq(ownerId))
                .fetchOne(0, Integer.class);
    }

    /** Checks that are not down and whose alert time has come, earliest first. */
    public List<Check> dueForAlert(DSLContext ctx, Instant now, int limit) {
        return ctx.selectFrom(CHECKS)
                .where(CHECKS.ALERT_AFTER.le(now))
                .and(CHECKS.STATUS.ne(CheckStatus.DOWN.wire()))
                .orderBy(CHECKS.ALERT_AFTER)
                .limit(limit)
                .fetch()
                .map(CheckStore::toCheck);
    }

    /** The earliest alert time of a check that is not down, if any. */
    public Optional<Instant> nextAlertAfter(DSLContext ctx) {
        return Optional.ofNullable(
                ctx.select(org.jooq.impl.DSL.min(CHECKS.ALERT_AFTER))
                        .from(CHECKS)
                        .where(CHECKS.STATUS.ne(CheckStatus.DOWN.wire()))
                        .and(CHECKS.ALERT_AFTER.isNotNull())
                        .fetchOne(0, Instant.class));
    }

    /**
     * Compare-and-set: makes the check DOWN only if its status and alert time are still what the
     * caller saw. Returns false when a ping or another process changed it first.
     */
    public boolean markDown(DSLContext ctx, Check seen) {
        return ctx.update(CHECKS)
                        .set(CHECKS.STATUS, CheckStatus.DOWN.wire())
                        .setNull(CHECKS.ALERT_AFTER)
                        .where(CHECKS.ID.eq(seen.id()))
                        .and(CHECKS.STATUS.eq(seen.state().status().wire()))
                        .and(CHECKS.ALERT_AFTER.eq(seen.state().alertAfter()))
                        .and(CHECKS.N_PINGS.eq(seen.state().nPings()))
                        .execute()
                == 1;
    }

    /** Compare-and-set of the alert time alone (the check is not down yet). */
    public boolean moveAlertAfter(DSLContext ctx, Check seen, Instant alertAfter) {
        return ctx.update(CHECKS)
                        .set(CHECKS.ALERT_AFTER, alertAfter)
                        .where(CHECKS.ID.eq(seen.id()))
                        .and(CHECKS.N_PINGS.eq(seen.state().nPings()))
                        .and(CHECKS.ALERT_AFTER.eq(seen.state().alertAfter()))
                        .execute()
                == 1;
    }

    /** Maps a row to the domain record. */
    public static Check toCheck(ChecksRecord r) {
        CheckConfig config =
                new CheckConfig(
                        r.getName(),
                        r.getSlug(),
                        r.getTags(),
                        r.getDescription(),
                        r.getKind(),
                        r.getTimeout(),
                        r.getGrace(),
                        r.getSchedule(),
                        r.getTz(),
                        r.getFilterSubject(),
                        r.getFilterBody(),
                        r.getFilterHttpBody(),
                        r.getFilterDefaultFail(),
                        r.getStartKw(),
                        r.getSuccessKw(),
                        r.getFailureKw(),
                        r.getMethods(),
                        r.getManualResume());
        CheckState state =
                new CheckState(
                        r.getNPings(),
                        r.getLastPing(),
                        r.getLastStart(),
                        r.getLastStartRid(),
                        r.getLastDurationMs(),
                        r.getHasConfirmationLink(),
                        r.getAlertAfter(),
                        CheckStatus.fromWire(r.getStatus()));
        return new Check(
                r.getId(),
                UUID.fromString(r.getCode()),
                r.getProjectId(),
                r.getCreated(),
                r.getBadgeKey(),
                config,
                state);
    }

    private static void writeConfig(ChecksRecord r, CheckConfig c) {
        r.setName(c.name())
                .setSlug(c.slug())
                .setTags(c.tags())
                .setDescription(c.desc())
                .setKind(c.kind())
                .setTimeout(c.timeout())
                .setGrace(c.grace())
                .setSchedule(c.schedule())
                .setTz(c.tz())
                .setFilterSubject(c.filterSubject())
                .setFilterBody(c.filterBody())
                .setFilterHttpBody(c.filterHttpBody())
                .setFilterDefaultFail(c.filterDefaultFail())
                .setStartKw(c.startKw())
                .setSuccessKw(c.successKw())
                .setFailureKw(c.failureKw())
                .setMethods(c.methods())
                .setManualResume(c.manualResume());
    }

    private static void writeState(ChecksRecord r, CheckState s) {
        r.setNPings(s.nPings())
                .setLastPing(s.lastPing())
                .setLastStart(s.lastStart())
                .setLastStartRid(s.lastStartRid())
                .setLastDurationMs(s.lastDurationMs())
                .setHasConfirmationLink(s.hasConfirmationLink())
                .setAlertAfter(s.alertAfter())
                .setStatus(s.status().wire());
    }

    /** Reads a {@code checks} row from a plain JDBC result set (the ping path's fast look-up). */
    private static Check readRow(ResultSet rs) throws SQLException {
        CheckConfig config =
                new CheckConfig(
                        rs.getString(CHECKS.NAME.getName()), rs.getString(CHECKS.SLUG.getName()),
                        rs.getString(CHECKS.TAGS.getName()),
                                rs.getString(CHECKS.DESCRIPTION.getName()),
                        rs.getString(CHECKS.KIND.getName()), rs.getLong(CHECKS.TIMEOUT.getName()),
                        rs.getLong(CHECKS.GRACE.getName()), rs.getString(CHECKS.SCHEDULE.getName()),
                        rs.getString(CHECKS.TZ.getName()),
                                rs.getBoolean(CHECKS.FILTER_SUBJECT.getName()),
                        rs.getBoolean(CHECKS.FILTER_BODY.getName()),
                                rs.getBoolean(CHECKS.FILTER_HTTP_BODY.getName()),
                        rs.getBoolean(CHECKS.FILTER_DEFAULT_FAIL.getName()),
                                rs.getString(CHECKS.START_KW.getName()),
                        rs.getString(CHECKS.SUCCESS_KW.getName()),
                                rs.getString(CHECKS.FAILURE_KW.getName()),
                        rs.getString(CHECKS.METHODS.getName()),
                                rs.getBoolean(CHECKS.MANUAL_RESUME.getName()));
        CheckState state =
                new CheckState(
                        rs.getLong(CHECKS.N_PINGS.getName()),
                        Jdbc.getInstant(rs, CHECKS.LAST_PING.getName()),
                        Jdbc.getInstant(rs, CHECKS.LAST_START.getName()),
                        rs.getString(CHECKS.LAST_START_RID.getName()),
                        Jdbc.getLong(rs, CHECKS.LAST_DURATION_MS.getName()),
                        rs.getBoolean(CHECKS.HAS_CONFIRMATION_LINK.getName()),
                        Jdbc.getInstant(rs, CHECKS.ALERT_AFTER.getName()),
                        CheckStatus.fromWire(rs.getString(CHECKS.STATUS.getName())));
        return new Check(
                rs.getLong(CHECKS.ID.getName()),
                UUID.fromString(rs.getString(CHECKS.CODE.getName())),
                rs.getLong(CHECKS.PROJECT_ID.getName()),
                Jdbc.getInstant(rs, CHECKS.CREATED.getName()),
                rs.getString(CHECKS.BADGE_KEY.getName()),
                config,
                state);
    }
}
