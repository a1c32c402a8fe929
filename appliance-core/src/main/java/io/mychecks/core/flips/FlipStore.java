package io.mychecks.core.flips;

import static io.mychecks.core.db.schema.Tables.FLIPS;

import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.schema.tables.records.FlipsRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectLimitPercentStep;
import org.jooq.impl.DSL;

/** Reads and writes flips (status changes). */
public final class FlipStore {
    /** Rows per multi-row insert: well under either database's limit of bound values. */
    private static final int INSERT_ROWS = 1000;

    /**
     * Stores a flip. Flips that notify nobody (new→up, paused→up, pause and resume) are stored
     * already processed, so the alert loop never looks at them.
     */
    public long insert(DSLContext ctx, FlipDraft draft, boolean processed) {
        return ctx.insertInto(FLIPS)
                .set(FLIPS.CHECK_ID, draft.checkId())
                .set(FLIPS.CREATED, draft.created())
                .set(FLIPS.PROCESSED, processed || !draft.notifies() ? draft.created() : null)
                .set(FLIPS.OLD_STATUS, draft.oldStatus().wire())
                .set(FLIPS.NEW_STATUS, draft.newStatus().wire())
                .set(FLIPS.REASON, draft.reason())
                .returningResult(FLIPS.ID)
                .fetchOne(0, Long.class);
    }

    /** The oldest unprocessed flips, up to {@code limit}. */
    public List<Flip> unprocessed(DSLContext ctx, int limit) {
        return ctx.selectFrom(FLIPS)
                .where(FLIPS.PROCESSED.isNull())
                .orderBy(FLIPS.ID)
                .limit(limit)
                .fetch()
                .map(FlipStore::toFlip);
    }

    /** True when some flip waits to be processed (a read: it takes no write lock). */
    public boolean hasUnprocessed(DSLContext ctx) {
        return ctx.fetchExists(FLIPS, FLIPS.PROCESSED.isNull());
    }

    /**
     * Claims the oldest unprocessed flips, up to {@code limit}, in one statement: marks them
     * processed and returns them, oldest first. A compare-and-set like {@link #claim}: of several
     * processes claiming at once, each flip goes to exactly one. On PostgreSQL the look skips rows
     * another transaction is claiming, so concurrent dispatchers take different flips instead of
     * waiting for each other.
     */
    public List<Flip> claimOldest(DSLContext ctx, Instant now, int limit) {
        SelectLimitPercentStep<Record1<Long>> oldest =
                DSL.select(FLIPS.ID)
                        .from(FLIPS)
                        .where(FLIPS.PROCESSED.isNull())
                        .orderBy(FLIPS.ID)
                        .limit(limit);
        Select<Record1<Long>> look =
                ctx.dialect().family() == SQLDialect.POSTGRES
                        ? oldest.forUpdate().skipLocked()
                        : oldest;
        List<Flip> claimed =
                new ArrayList<>(
                        ctx.update(FLIPS)
                                .set(FLIPS.PROCESSED, now)
                                .where(FLIPS.ID.in(look))
                                // checked again on the row itself: a row a concurrent claim
                                // committed in between is not taken twice
                                .and(FLIPS.PROCESSED.isNull())
                                .returning()
                                .fetch()
                                .map(FlipStore::toFlip));
        claimed.sort(Comparator.comparingLong(Flip::id));
        return claimed;
    }

    /** Stores {@code drafts} (none processed yet) in one statement. */
    public void insertAll(DSLContext ctx, List<FlipDraft> drafts) {
        for (int from = 0; from < drafts.size(); from += INSERT_ROWS) {
            insertChunk(ctx, drafts.subList(from, Math.min(drafts.size(), from + INSERT_ROWS)));
        }
    }

    private static void insertChunk(DSLContext ctx, List<FlipDraft> drafts) {
        var insert =
                ctx.insertInto(
                        FLIPS,
                        FLIPS.CHECK_ID,
                        FLIPS.CREATED,
                        FLIPS.PROCESSED,
                        FLIPS.OLD_STATUS,
                        FLIPS.NEW_STATUS,
                        FLIPS.REASON);
        for (FlipDraft d : drafts) {
            insert =
                    insert.values(
                            d.checkId(),
                            d.created(),
                            d.notifies() ? null : d.created(),
                            d.oldStatus().wire(),
                            d.newStatus().wire(),
                            d.reason());
        }
        insert.execute();
    }

    public int countUnprocessed(DSLContext ctx) {
        return ctx.fetchCount(FLIPS, FLIPS.PROCESSED.isNull());
    }

    /** Claims a flip: true for the one caller that marked it processed first. */
    public boolean claim(DSLContext ctx, long flipId, Instant now) {
        return ctx.update(FLIPS)
                        .set(FLIPS.PROCESSED, now)
                        .where(FLIPS.ID.eq(flipId))
                        .and(FLIPS.PROCESSED.isNull())
                        .execute()
                == 1;
    }

    /**
     * Flips of one check, newest first, optionally limited to {@code created >= from} and {@code
     * created < to}.
     */
    public List<Flip> forCheck(DSLContext ctx, long checkId, Instant from, Instant to) {
        Condition c = FLIPS.CHECK_ID.eq(checkId);
        if (from != null) {
            c = c.and(FLIPS.CREATED.ge(from));
        }
        if (to != null) {
            c = c.and(FLIPS.CREATED.lt(to));
        }
        return ctx.selectFrom(FLIPS)
                .where(c)
                .orderBy(FLIPS.CREATED.desc(), FLIPS.ID.desc())
                .fetch()
                .map(FlipStore::toFlip);
    }

    /** The flips with ids in {@code ids} (those not pruned), by id: one query. */
    public java.util.Map<Long, Flip> findByIds(DSLContext ctx, java.util.Collection<Long> ids) {
        java.util.Map<Long, Flip> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            ctx.selectFrom(FLIPS)
                    .where(FLIPS.ID.in(ids))
                    .forEach(r -> out.put(r.getId(), toFlip(r)));
        }
        return out;
    }

    /** The id of the newest flip of each check in {@code checkIds} that has flips: one query. */
    public java.util.Map<Long, Long> newestIds(
            DSLContext ctx, java.util.Collection<Long> checkIds) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        if (!checkIds.isEmpty()) {
            ctx.select(FLIPS.CHECK_ID, DSL.max(FLIPS.ID))
                    .from(FLIPS)
                    .where(FLIPS.CHECK_ID.in(checkIds))
                    .groupBy(FLIPS.CHECK_ID)
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /**
     * The newest flip to {@code status} of each check in {@code checkIds} that has one, by check
     * id: one query.
     */
    public java.util.Map<Long, Flip> latestToEach(
            DSLContext ctx, java.util.Collection<Long> checkIds, CheckStatus status) {
        java.util.Map<Long, Flip> out = new java.util.HashMap<>();
        if (checkIds.isEmpty()) {
            return out;
        }
        var newest =
                DSL.select(DSL.max(FLIPS.ID))
                        .from(FLIPS)
                        .where(FLIPS.CHECK_ID.in(checkIds))
                        .and(FLIPS.NEW_STATUS.eq(status.wire()))
                        .groupBy(FLIPS.CHECK_ID);
        ctx.selectFrom(FLIPS)
                .where(FLIPS.ID.in(newest))
                .forEach(r -> out.put(r.getCheckId(), toFlip(r)));
        return out;
    }

    public Optional<Flip> findById(DSLContext ctx, long id) {
        return ctx.selectFrom(FLIPS).where(FLIPS.ID.eq(id)).fetchOptional().map(FlipStore::toFlip);
    }

    /** The latest flip of a check to {@code status} created at or before {@code before}. */
    public Optional<Flip> latestTo(
            DSLContext ctx, long checkId, CheckStatus status, Instant before) {
        return ctx.selectFrom(FLIPS)
                .where(FLIPS.CHECK_ID.eq(checkId))
                .and(FLIPS.NEW_STATUS.eq(status.wire()))
                .and(FLIPS.CREATED.le(before))
                .orderBy(FLIPS.CREATED.desc(), FLIPS.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(FlipStore::toFlip);
    }

    public Optional<Flip> latest(DSLContext ctx, long checkId) {
        return ctx.selectFrom(FLIPS)
                .where(FLIPS.CHECK_ID.eq(checkId))
                .orderBy(FLIPS.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(FlipStore::toFlip);
    }

    /** Deletes flips created before {@code cutoff}; returns how many. */
    public int deleteOlderThan(DSLContext ctx, Instant cutoff) {
        return ctx.deleteFrom(FLIPS)
                .where(FLIPS.CREATED.lt(cutoff))
                .and(FLIPS.PROCESSED.isNotNull())
                .execute();
    }

    public Optional<Long> maxId(DSLContext ctx) {
        return Optional.ofNullable(
                ctx.select(DSL.max(FLIPS.ID)).from(FLIPS).fetchOne(0, Long.class));
    }

    static Flip toFlip(FlipsRecord r) {
        return new Flip(
                r.getId(),
                r.getCheckId(),
                r.getCreated(),
                r.getProcessed(),
                CheckStatus.fromWire(r.getOldStatus()),
                CheckStatus.fromWire(r.getNewStatus()),
                r.getReason());
    }
}
