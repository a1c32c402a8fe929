package io.mychecks.core.checks;

import static io.mychecks.core.db.schema.Tables.CHANNELS;
import static io.mychecks.core.db.schema.Tables.CHECKS;
import static io.mychecks.core.db.schema.Tables.CHECK_CHANNELS;
import static io.mychecks.core.db.schema.Tables.FLIPS;
import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static io.mychecks.core.db.schema.Tables.PINGS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Jdbc;
import io.mychecks.core.db.ReadCursor;
import io.mychecks.core.db.RenderedSql;
import io.mychecks.core.db.schema.tables.records.ChecksRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads and writes checks. Every method takes the caller's DSLContext (and transaction). Every
 * query that returns checks selects {@link #COLUMNS} and maps rows with {@link #readRow}, by column
 * index.
 */
public final class CheckStore {
    /** Codes per {@code IN} list on SQLite (a ping batch fits in one). */
    static final int MAX_IN_LIST = 512;

    /**
     * A nullable number read without a second call to ask whether it was null (the SQLite driver
     * crosses into native code for each): no time, count or duration is ever this value.
     */
    private static final long NO_NUMBER = -Long.MAX_VALUE;

    /** Where {@link #COLUMNS} has the time of the check's last start. */
    private static final int LAST_START_COLUMN = 22;

    /**
     * The columns of a check, in the order {@link #readRow} reads them. The six flags come as one
     * number and nullable numbers as {@link #NO_NUMBER}: reading a column through the SQLite driver
     * costs more than SQLite's own work, and the checks list reads every column of every check.
     * Other stores read the first fourteen by index: keep them in place.
     */
    static final List<Field<?>> COLUMNS =
            List.of(
                    CHECKS.ID,
                    CHECKS.CODE,
                    CHECKS.PROJECT_ID,
                    CHECKS.CREATED,
                    CHECKS.BADGE_KEY,
                    CHECKS.NAME,
                    CHECKS.SLUG,
                    CHECKS.TAGS,
                    CHECKS.DESCRIPTION,
                    CHECKS.KIND,
                    CHECKS.TIMEOUT,
                    CHECKS.GRACE,
                    CHECKS.SCHEDULE,
                    CHECKS.TZ,
                    flags(
                            CHECKS.FILTER_SUBJECT,
                            CHECKS.FILTER_BODY,
                            CHECKS.FILTER_HTTP_BODY,
                            CHECKS.FILTER_DEFAULT_FAIL,
                            CHECKS.MANUAL_RESUME,
                            CHECKS.HAS_CONFIRMATION_LINK),
                    CHECKS.START_KW,
                    CHECKS.SUCCESS_KW,
                    CHECKS.FAILURE_KW,
                    CHECKS.METHODS,
                    CHECKS.N_PINGS,
                    orNoNumber(CHECKS.LAST_PING),
                    orNoNumber(CHECKS.LAST_START),
                    CHECKS.LAST_START_RID,
                    orNoNumber(CHECKS.LAST_DURATION_MS),
                    orNoNumber(CHECKS.ALERT_AFTER),
                    CHECKS.STATUS);

    /** The booleans as the bits of one number: the first is bit 0. */
    @SafeVarargs
    private static Field<Integer> flags(Field<Boolean>... booleans) {
        Field<Integer> sum = DSL.inline(0);
        for (int i = 0; i < booleans.length; i++) {
            sum =
                    sum.plus(
                            DSL.when(DSL.condition(booleans[i]), DSL.inline(1 << i))
                                    .otherwise(DSL.inline(0)));
        }
        return sum;
    }

    private static Field<Long> orNoNumber(Field<?> nullable) {
        return DSL.coalesce(nullable.coerce(SQLDataType.BIGINT), DSL.inline(NO_NUMBER));
    }

    /** Receives a project's checks one at a time (see {@link #forEachInProject}). */
    @FunctionalInterface
    public interface RowConsumer {
        /**
         * @param channelCodes the codes of the check's channels, comma-separated, or null
         */
        void accept(Check check, String channelCodes);
    }

    private static SelectJoinStep<Record> selectChecks(DSLContext ctx) {
        return ctx.select(COLUMNS).from(CHECKS);
    }

    /** Runs {@code query} (which selects {@link #COLUMNS} first) and maps every row. */
    private static List<Check> fetchChecks(ResultQuery<?> query) {
        List<Check> out = new ArrayList<>();
        ReadCursor.forEachRow(query, rs -> out.add(readRow(rs)));
        return out;
    }

    public Optional<Check> findByCode(DSLContext ctx, UUID code) {
        return fetchChecks(selectChecks(ctx).where(CHECKS.CODE.eq(code.toString()))).stream()
                .findFirst();
    }

    /** The checks with ids in {@code ids} (those that still exist), by id: one query. */
    public java.util.Map<Long, Check> findByIds(DSLContext ctx, Collection<Long> ids) {
        java.util.Map<Long, Check> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            fetchChecks(selectChecks(ctx).where(CHECKS.ID.in(ids)))
                    .forEach(c -> out.put(c.id(), c));
        }
        return out;
    }

    public Optional<Check> findById(DSLContext ctx, long id) {
        return fetchChecks(selectChecks(ctx).where(CHECKS.ID.eq(id))).stream().findFirst();
    }

    /** Returns the check whose badge key is {@code badgeKey}. */
    public Optional<Check> findByBadgeKey(DSLContext ctx, UUID badgeKey) {
        return fetchChecks(selectChecks(ctx).where(CHECKS.BADGE_KEY.eq(badgeKey.toString())))
                .stream()
                .findFirst();
    }

    /**
     * Returns the project's check (lowest id) whose {@link Check#uniqueKey()} is {@code key}. Only
     * the key is in the WHERE clause, so that SQLite uses its index rather than walking the
     * project's checks; a key names one check or, by a rare clash, a few.
     */
    public Optional<Check> findByUniqueKey(DSLContext ctx, long projectId, String key) {
        return fetchChecks(selectChecks(ctx).where(CHECKS.UNIQUE_KEY.eq(key))).stream()
                .filter(c -> c.projectId() == projectId)
                .min(Comparator.comparingLong(Check::id));
    }

    /**
     * Returns the checks with these codes, ordered by id; locks their rows on PostgreSQL. This is
     * the ping path's look-up, one query per batch: {@code = ANY(?)} on PostgreSQL, an {@code IN}
     * list on SQLite (its length rounded up to a power of two, so that a handful of statements
     * serve every batch; the last code fills the spare places).
     */
    public List<Check> findByCodes(DSLContext ctx, Collection<UUID> codes, boolean lock) {
        if (codes.isEmpty()) {
            return List.of();
        }
        if (Database.isPostgres(ctx)) {
            String sql =
                    RenderedSql.of(
                            ctx,
                            lock ? "checks-by-codes-lock" : "checks-by-codes",
                            c -> {
                                var q =
                                        selectChecks(c)
                                                .where(CHECKS.CODE.eq(DSL.any(new String[0])))
                                                .orderBy(CHECKS.ID);
                                return lock ? q.forUpdate() : q;
                            });
            return ctx.connectionResult(
                    conn -> {
                        List<Check> out = new ArrayList<>(codes.size());
                        try (PreparedStatement ps = conn.prepareStatement(sql)) {
                            ps.setArray(
                                    1,
                                    conn.createArrayOf(
                                            "varchar",
                                            codes.stream().map(UUID::toString).toArray()));
                            readChecks(ps, out);
                        }
                        return out;
                    });
        }
        List<Check> out = new ArrayList<>(codes.size());
        List<UUID> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += MAX_IN_LIST) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + MAX_IN_LIST));
            int places = Math.max(8, Integer.highestOneBit(part.size() * 2 - 1));
            String sql =
                    RenderedSql.of(
                            ctx,
                            "checks-by-codes-in-" + places,
                            c ->
                                    selectChecks(c)
                                            .where(
                                                    CHECKS.CODE.in(
                                                            Collections.nCopies(places, ""))));
            ctx.connection(
                    conn -> {
                        try (PreparedStatement ps = conn.prepareStatement(sql)) {
                            for (int i = 0; i < places; i++) {
                                ps.setString(
                                        i + 1, part.get(Math.min(i, part.size() - 1)).toString());
                            }
                            readChecks(ps, out);
                        }
                    });
        }
        out.sort(Comparator.comparingLong(Check::id));
        return out;
    }

    private static void readChecks(PreparedStatement ps, List<Check> out) throws SQLException {
        try (ResultSet cursor = ps.executeQuery()) {
            ResultSet rs = Jdbc.direct(cursor);
            while (rs.next()) {
                out.add(readRow(rs));
            }
        }
    }

    /** The codes of up to {@code limit} checks, the oldest first (the ping path's warm-up). */
    public List<UUID> sampleCodes(DSLContext ctx, int limit) {
        return ctx.select(CHECKS.CODE)
                .from(CHECKS)
                .orderBy(CHECKS.ID)
                .limit(limit)
                .fetch(r -> UUID.fromString(r.value1()));
    }

    /** Returns the checks of the project with {@code pingKey} that have {@code slug}. */
    public List<Check> findBySlug(DSLContext ctx, String pingKey, String slug, boolean lock) {
        var q =
                selectChecks(ctx)
                        .join(PROJECTS)
                        .on(PROJECTS.ID.eq(CHECKS.PROJECT_ID))
                        .where(PROJECTS.PING_KEY.eq(pingKey))
                        .and(CHECKS.SLUG.eq(slug))
                        .orderBy(CHECKS.ID);
        return fetchChecks(lock && Database.isPostgres(ctx) ? q.forUpdate().of(CHECKS) : q);
    }

    /** Returns every check of the project, by id. Only for small projects: see forEachChunk. */
    public List<Check> listForProject(DSLContext ctx, long projectId) {
        return fetchChecks(
                selectChecks(ctx).where(CHECKS.PROJECT_ID.eq(projectId)).orderBy(CHECKS.ID));
    }

    /**
     * Streams the project's checks in id order to {@code consumer}, one row at a time: memory stays
     * bounded however many checks the project has. One query, which also gives each check's channel
     * codes (comma-separated, in no particular order; null when it has none).
     *
     * @param slug only checks with this slug, unless null or empty
     * @param tagParts only checks whose tags field contains every one of these strings (a coarse
     *     filter: whole-tag matching is the caller's)
     */
    public void forEachInProject(
            DSLContext ctx,
            long projectId,
            String slug,
            Collection<String> tagParts,
            RowConsumer consumer) {
        Condition c = CHECKS.PROJECT_ID.eq(projectId);
        c = slug == null || slug.isEmpty() ? c : c.and(CHECKS.SLUG.eq(slug));
        for (String part : tagParts) {
            c = c.and(tagsContain(part));
        }
        Condition where = c;
        List<Field<?>> columns = new ArrayList<>(COLUMNS);
        columns.add(channelCodes());
        int extraIndex = columns.size();
        ReadCursor.onOneConnection(
                ctx,
                conn -> {
                    ReadCursor.forEachRow(
                            conn.select(columns).from(CHECKS).where(where).orderBy(CHECKS.ID),
                            rs -> consumer.accept(readRow(rs), Jdbc.getText(rs, extraIndex)));
                    return null;
                });
    }

    /** Per check row: the codes of its channels, comma-separated, or null when it has none. */
    private static Field<String> channelCodes() {
        return DSL.field(
                DSL.select(DSL.groupConcat(CHANNELS.CODE).separator(","))
                        .from(CHECK_CHANNELS)
                        .join(CHANNELS)
                        .on(CHANNELS.ID.eq(CHECK_CHANNELS.CHANNEL_ID))
                        .where(CHECK_CHANNELS.CHECK_ID.eq(CHECKS.ID)));
    }

    /** True when the tags field contains {@code part} (case-sensitive, no wildcards). */
    static Condition tagsContain(String part) {
        return DSL.position(CHECKS.TAGS, DSL.val(part)).gt(0);
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
        Condition c = CHECKS.PROJECT_ID.eq(projectId);
        c = name == null ? c : c.and(CHECKS.NAME.eq(name));
        c = slug == null ? c : c.and(CHECKS.SLUG.eq(slug));
        c = tags == null ? c : c.and(CHECKS.TAGS.eq(tags));
        c = timeout == null ? c : c.and(CHECKS.TIMEOUT.eq(timeout));
        c = grace == null ? c : c.and(CHECKS.GRACE.eq(grace));
        return fetchChecks(selectChecks(ctx).where(c).orderBy(CHECKS.ID).limit(1)).stream()
                .findFirst();
    }

    /** Creates a check with a random UUID and badge key; returns it with its id. */
    public Check insert(DSLContext ctx, long projectId, CheckConfig config, Instant now) {
        UUID code = UUID.randomUUID();
        Instant created = Instant.ofEpochMilli(now.toEpochMilli());
        ChecksRecord r = ctx.newRecord(CHECKS);
        r.setCode(code.toString());
        r.setUniqueKey(Check.uniqueKey(code));
        r.setBadgeKey(UUID.randomUUID().toString());
        r.setProjectId(projectId);
        r.setCreated(created);
        writeConfig(r, config);
        writeState(r, CheckState.fresh());
        r.store();
        return new Check(
                r.getId(), code, projectId, created, r.getBadgeKey(), config, CheckState.fresh());
    }

    /**
     * Fills {@code unique_key} of at most {@code limit} rows where it is empty (rows older than the
     * column, or copied in by hand); returns how many rows it filled.
     */
    public int fillMissingUniqueKeys(DSLContext ctx, int limit) {
        var rows =
                ctx.select(CHECKS.ID, CHECKS.CODE)
                        .from(CHECKS)
                        .where(CHECKS.UNIQUE_KEY.isNull())
                        .limit(limit)
                        .fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        var batch =
                ctx.batch(
                        ctx.update(CHECKS)
                                .set(CHECKS.UNIQUE_KEY, (String) null)
                                .where(CHECKS.ID.eq((Long) null)));
        rows.forEach(r -> batch.bind(Check.uniqueKey(UUID.fromString(r.value2())), r.value1()));
        batch.execute();
        return rows.size();
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

    /** Moves the check to another project. */
    public void setProject(DSLContext ctx, long id, long projectId) {
        ctx.update(CHECKS).set(CHECKS.PROJECT_ID, projectId).where(CHECKS.ID.eq(id)).execute();
    }

    /** Deletes the check's pings, flips and notifications (its event log). */
    public void deleteEvents(DSLContext ctx, long id) {
        ctx.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.CHECK_ID.eq(id)).execute();
        ctx.deleteFrom(FLIPS).where(FLIPS.CHECK_ID.eq(id)).execute();
        ctx.deleteFrom(PINGS).where(PINGS.CHECK_ID.eq(id)).execute();
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
        return fetchChecks(
                selectChecks(ctx)
                        .where(CHECKS.ALERT_AFTER.le(now))
                        .and(CHECKS.STATUS.ne(CheckStatus.DOWN.wire()))
                        .orderBy(CHECKS.ALERT_AFTER)
                        .limit(limit));
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
        return markDownQuery(ctx, seen).execute() == 1;
    }

    private static org.jooq.Query markDownQuery(DSLContext ctx, Check seen) {
        return ctx.update(CHECKS)
                .set(CHECKS.STATUS, CheckStatus.DOWN.wire())
                .setNull(CHECKS.ALERT_AFTER)
                .where(CHECKS.ID.eq(seen.id()))
                .and(CHECKS.STATUS.eq(seen.state().status().wire()))
                .and(CHECKS.ALERT_AFTER.eq(seen.state().alertAfter()))
                .and(CHECKS.N_PINGS.eq(seen.state().nPings()));
    }

    /**
     * {@link #markDown} for each of {@code seen}, as one batch of statements; element i is true
     * when check i went down.
     */
    public boolean[] markAllDown(DSLContext ctx, List<Check> seen) {
        return applied(ctx, seen.stream().map(c -> markDownQuery(ctx, c)).toList());
    }

    /**
     * {@link #moveAlertAfter} for each check of {@code seen} to the time at the same index of
     * {@code alertAfter}, as one batch of statements.
     */
    public void moveAllAlertAfter(DSLContext ctx, List<Check> seen, List<Instant> alertAfter) {
        List<org.jooq.Query> moves = new ArrayList<>(seen.size());
        for (int i = 0; i < seen.size(); i++) {
            moves.add(moveAlertAfterQuery(ctx, seen.get(i), alertAfter.get(i)));
        }
        applied(ctx, moves);
    }

    private static boolean[] applied(DSLContext ctx, List<? extends org.jooq.Query> queries) {
        boolean[] done = new boolean[queries.size()];
        if (queries.isEmpty()) {
            return done;
        }
        int[] counts = ctx.batch(queries).execute();
        for (int i = 0; i < done.length; i++) {
            done[i] = counts[i] == 1;
        }
        return done;
    }

    /** Compare-and-set of the alert time alone (the check is not down yet). */
    public boolean moveAlertAfter(DSLContext ctx, Check seen, Instant alertAfter) {
        return moveAlertAfterQuery(ctx, seen, alertAfter).execute() == 1;
    }

    private static org.jooq.Query moveAlertAfterQuery(
            DSLContext ctx, Check seen, Instant alertAfter) {
        return ctx.update(CHECKS)
                .set(CHECKS.ALERT_AFTER, alertAfter)
                .where(CHECKS.ID.eq(seen.id()))
                .and(CHECKS.N_PINGS.eq(seen.state().nPings()))
                .and(CHECKS.ALERT_AFTER.eq(seen.state().alertAfter()));
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

    /**
     * Maps the current row of a result set whose first columns are {@link #COLUMNS}, by index (the
     * one mapper of check rows: reading by name cost the ping path more than SQLite did).
     */
    static Check readRow(ResultSet row) throws SQLException {
        ResultSet rs = Jdbc.direct(row);
        int flags = rs.getInt(15);
        CheckConfig config =
                new CheckConfig(
                        Jdbc.getText(rs, 6),
                        Jdbc.getText(rs, 7),
                        Jdbc.getText(rs, 8),
                        Jdbc.getText(rs, 9),
                        Jdbc.getText(rs, 10),
                        rs.getLong(11),
                        rs.getLong(12),
                        Jdbc.getText(rs, 13),
                        Jdbc.getText(rs, 14),
                        (flags & 1) != 0,
                        (flags & 2) != 0,
                        (flags & 4) != 0,
                        (flags & 8) != 0,
                        Jdbc.getText(rs, 16),
                        Jdbc.getText(rs, 17),
                        Jdbc.getText(rs, 18),
                        Jdbc.getText(rs, 19),
                        (flags & 16) != 0);
        CheckState state =
                new CheckState(
                        rs.getLong(20),
                        instant(rs.getLong(21)),
                        instant(rs.getLong(LAST_START_COLUMN)),
                        Jdbc.getText(rs, 23),
                        number(rs.getLong(24)),
                        (flags & 32) != 0,
                        instant(rs.getLong(25)),
                        CheckStatus.fromWire(Jdbc.getText(rs, 26)));
        return new Check(
                rs.getLong(1),
                UUID.fromString(Jdbc.getText(rs, 2)),
                rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Jdbc.getText(rs, 5),
                config,
                state);
    }

    /** Whether the check in the current row (selected as {@link #COLUMNS}) has a run started. */
    static boolean startedInRow(ResultSet row) throws SQLException {
        return Jdbc.direct(row).getLong(LAST_START_COLUMN) != NO_NUMBER;
    }

    private static Instant instant(long epochMillis) {
        return epochMillis == NO_NUMBER ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static Long number(long value) {
        return value == NO_NUMBER ? null : value;
    }

    /**
     * True when a project the user owns or belongs to has a check that is down now: marked down, or
     * past its deadline and about to be (the alert loop marks it within a second). One indexed
     * lookup, however many checks the projects hold.
     */
    public boolean anyDownFor(DSLContext ctx, long userId, Instant now) {
        var projects =
                org.jooq
                        .impl
                        .DSL
                        .select(PROJECTS.ID)
                        .from(PROJECTS)
                        .where(PROJECTS.OWNER_ID.eq(userId))
                        .unionAll(
                                org.jooq
                                        .impl
                                        .DSL
                                        .select(MEMBERS.PROJECT_ID)
                                        .from(MEMBERS)
                                        .where(MEMBERS.USER_ID.eq(userId)));
        return ctx.fetchExists(
                CHECKS,
                CHECKS.PROJECT_ID
                        .in(projects)
                        .and(
                                CHECKS.STATUS
                                        .eq(CheckStatus.DOWN.wire())
                                        .or(CHECKS.ALERT_AFTER.le(now))));
    }
}
