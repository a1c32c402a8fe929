package io.mychecks.core.checks;

import static io.mychecks.core.db.schema.Tables.CHECKS;

import io.mychecks.core.db.ReadCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A project's check statuses for badges and metrics, computed in SQL where SQL can, without ever
 * holding the project's checks in memory.
 *
 * <p>{@link #statusAt} reproduces {@link StatusCalculator#status} (without "started") in SQL for
 * every check except those whose next expected ping depends on a cron or OnCalendar schedule; for
 * those the SQL says null and the row is mapped and computed in Java.
 */
public final class CheckStatsStore {
    private static final int STATUS = CheckStore.COLUMNS.size() + 1;
    private static final int EXTRA = STATUS + 1;

    /** What the metrics show of one check. */
    public record StatusRow(
            String name, String tags, String uniqueKey, boolean started, CheckStatus status) {}

    /** How many checks a badge covers, and how many of them are late and down. */
    public record Tally(int total, int grace, int down) {
        Tally plus(int total, int grace, int down) {
            return new Tally(this.total + total, this.grace + grace, this.down + down);
        }

        Tally plus(CheckStatus status) {
            return plus(1, status == CheckStatus.GRACE ? 1 : 0, status == CheckStatus.DOWN ? 1 : 0);
        }
    }

    /**
     * Counts the project's checks that have {@code tag} (null: every check), and those late or down
     * at {@code now}.
     *
     * <ol>
     *   <li>A tag without white space or control characters matches a tags field that contains it
     *       between spaces or ends: SQL counts those checks in one aggregate.
     *   <li>Checks SQL cannot judge (schedules), and checks whose tags merely contain the tag's
     *       text (where {@code hasTag}, the caller's exact rule, decides), are streamed through
     *       Java.
     * </ol>
     */
    public Tally tally(
            DSLContext ctx, long projectId, String tag, Predicate<String> hasTag, Instant now) {
        Field<String> status = statusAt(now);
        Condition inProject = CHECKS.PROJECT_ID.eq(projectId);
        Condition word;
        Condition part;
        if (tag == null) {
            word = DSL.trueCondition();
            part = DSL.falseCondition();
        } else {
            word = isPlainTag(tag) ? tagsHaveWord(tag) : DSL.falseCondition();
            part = CheckStore.tagsContain(tag).andNot(word);
        }
        Record4<Integer, Integer, Integer, Integer> sums =
                ctx.select(
                                DSL.count(),
                                DSL.count().filterWhere(status.eq(CheckStatus.GRACE.wire())),
                                DSL.count().filterWhere(status.eq(CheckStatus.DOWN.wire())),
                                DSL.count().filterWhere(status.isNull()))
                        .from(CHECKS)
                        .where(inProject)
                        .and(word)
                        .fetchSingle();
        Tally[] tally = {new Tally(sums.value1(), sums.value2(), sums.value3())};
        if (sums.value4() == 0 && tag == null) {
            return tally[0];
        }
        List<Field<?>> columns = new ArrayList<>(CheckStore.COLUMNS);
        columns.add(status);
        columns.add(DSL.field(word));
        ReadCursor.onOneConnection(
                ctx,
                c -> {
                    ReadCursor.forEachRow(
                            c.select(columns)
                                    .from(CHECKS)
                                    .where(inProject)
                                    .and(word.and(status.isNull()).or(part)),
                            rs -> {
                                boolean counted = rs.getBoolean(EXTRA);
                                if (counted) {
                                    // in the aggregate already, with an unknown status
                                    tally[0] = tally[0].plus(-1, 0, 0);
                                } else if (!hasTag.test(rs.getString(8))) {
                                    return;
                                }
                                tally[0] = tally[0].plus(status(rs, now));
                            });
                    return null;
                });
        return tally[0];
    }

    /**
     * Hands {@code each} every check of the project in id order with its status at {@code now},
     * streaming.
     */
    public void forEachStatus(
            DSLContext ctx, long projectId, Instant now, Consumer<StatusRow> each) {
        List<Field<?>> columns = new ArrayList<>(CheckStore.COLUMNS);
        columns.add(statusAt(now));
        columns.add(CHECKS.UNIQUE_KEY);
        ReadCursor.onOneConnection(
                ctx,
                c -> {
                    ReadCursor.forEachRow(
                            c.select(columns)
                                    .from(CHECKS)
                                    .where(CHECKS.PROJECT_ID.eq(projectId))
                                    .orderBy(CHECKS.ID),
                            rs -> {
                                String uniqueKey = rs.getString(EXTRA);
                                each.accept(
                                        new StatusRow(
                                                rs.getString(6),
                                                rs.getString(8),
                                                uniqueKey != null
                                                        ? uniqueKey
                                                        : Check.uniqueKey(
                                                                UUID.fromString(rs.getString(2))),
                                                CheckStore.startedInRow(rs),
                                                status(rs, now)));
                            });
                    return null;
                });
    }

    /** Hands {@code each} every distinct tags field of the project's checks, streaming. */
    public void forEachDistinctTags(DSLContext ctx, long projectId, Consumer<String> each) {
        ReadCursor.onOneConnection(
                ctx,
                c -> {
                    ReadCursor.forEachRow(
                            c.selectDistinct(CHECKS.TAGS)
                                    .from(CHECKS)
                                    .where(CHECKS.PROJECT_ID.eq(projectId)),
                            rs -> each.accept(rs.getString(1)));
                    return null;
                });
    }

    /** The status SQL computed for the row, or the Java rule's when SQL could not. */
    private static CheckStatus status(ResultSet rs, Instant now) throws SQLException {
        String wire = rs.getString(STATUS);
        return wire != null
                ? CheckStatus.fromWire(wire)
                : StatusCalculator.status(CheckStore.readRow(rs), now, false);
    }

    /**
     * {@link StatusCalculator#status} at {@code now} without "started", in SQL: null where the
     * check's next expected ping depends on its schedule.
     */
    static Field<String> statusAt(Instant now) {
        Field<Long> nowMs = DSL.val(now.toEpochMilli());
        Field<Long> lastPing = DSL.field(CHECKS.LAST_PING.getQualifiedName(), SQLDataType.BIGINT);
        Field<Long> lastStart = DSL.field(CHECKS.LAST_START.getQualifiedName(), SQLDataType.BIGINT);
        Field<Long> graceMs = CHECKS.GRACE.mul(1000L);
        Field<Long> expected = lastPing.plus(CHECKS.TIMEOUT.mul(1000L));
        Field<String> down = DSL.inline(CheckStatus.DOWN.wire());
        Field<String> up = DSL.inline(CheckStatus.UP.wire());
        return DSL.when(lastStart.isNotNull().and(nowMs.ge(lastStart.plus(graceMs))), down)
                .when(
                        CHECKS.STATUS.in(
                                CheckStatus.NEW.wire(),
                                CheckStatus.PAUSED.wire(),
                                CheckStatus.DOWN.wire()),
                        CHECKS.STATUS)
                .when(CHECKS.STATUS.ne(CheckStatus.UP.wire()).or(lastPing.isNull()), up)
                .when(CHECKS.KIND.ne("simple"), DSL.inline((String) null))
                .when(nowMs.ge(expected.plus(graceMs)), down)
                .when(nowMs.lt(expected), up)
                .otherwise(DSL.inline(CheckStatus.GRACE.wire()));
    }

    /**
     * True for a tag whose whole-word match in SQL is exact under every tag rule the code uses: not
     * empty, no white space, no control characters.
     */
    static boolean isPlainTag(String tag) {
        return !tag.isEmpty()
                && tag.chars().allMatch(ch -> ch > ' ' && !Character.isWhitespace(ch));
    }

    /** True when the tags field has {@code tag} between spaces or at its ends. */
    static Condition tagsHaveWord(String tag) {
        return DSL.position(
                        DSL.inline(" ").concat(CHECKS.TAGS).concat(DSL.inline(" ")),
                        DSL.val(" " + tag + " "))
                .gt(0);
    }
}
