package io.mychecks.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * Returns the first instant after a given one at which a {@link CalendarPattern} fires in a time
 * zone, under one of the daylight-saving policies the schedule kinds need.
 */
final class WallClockSearch {

    /** What to do with a wall-clock time that a spring-forward gap skips. */
    enum GapPolicy {
        /** Fire at the first instant after the gap (Debian cron, fixed-hour expressions). */
        SHIFT_TO_GAP_END,
        /** Do not fire at all (systemd OnCalendar). */
        SKIP
    }

    /** Earliest instant searched from; earlier arguments are clamped to it. */
    static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");

    /** Latest instant searched from; later arguments have no next fire time. */
    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** Bounds the segment walk of {@link #byElapsedTime}: about two transitions a year. */
    private static final int MAX_SEGMENTS = 2_000;

    private WallClockSearch() {}

    /**
     * Returns the first fire time strictly after {@code after}, where a wall-clock time repeated by
     * an autumn change fires once, at its first occurrence, and a wall-clock time in a
     * spring-forward gap is shifted or skipped per {@code gapPolicy}.
     *
     * <p>Mapping wall-clock times to instants this way never goes backwards, so the first match
     * after the wall-clock time of {@code after} is the answer, except for matches in a repeated
     * hour that {@code after} has already passed the first time round.
     */
    static Optional<Instant> firstOccurrence(
            CalendarPattern pattern,
            Instant after,
            ZoneId zone,
            GapPolicy gapPolicy,
            ChronoUnit unit,
            int maxYear) {
        if (after.isAfter(LATEST)) {
            return Optional.empty();
        }
        Instant start = after.isBefore(EARLIEST) ? EARLIEST : after;
        ZoneRules rules = zone.getRules();
        LocalDateTime from = LocalDateTime.ofInstant(start, zone).truncatedTo(unit).plus(1, unit);
        while (true) {
            Optional<LocalDateTime> match =
                    pattern.next(from, Math.min(maxYear, from.getYear() + 400));
            if (match.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime local = match.get();
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            if (offsets.isEmpty()) {
                ZoneOffsetTransition gap = rules.getTransition(local);
                if (gapPolicy == GapPolicy.SHIFT_TO_GAP_END && gap.getInstant().isAfter(start)) {
                    return Optional.of(gap.getInstant());
                }
                from = gap.getDateTimeAfter();
                continue;
            }
            // In an overlap the first offset is the one in force before the change: the earlier.
            Instant instant = local.toInstant(offsets.get(0));
            if (instant.isAfter(start)) {
                return Optional.of(instant);
            }
            // Only a match in a repeated hour that 'after' is already in the second time round
            // gets here: resume past the end of the repeated hour.
            ZoneOffsetTransition overlap = rules.getTransition(local);
            from = overlap == null ? local.plus(1, unit) : overlap.getDateTimeBefore();
        }
    }

    /**
     * Returns the first instant strictly after {@code after} whose wall-clock time matches, so a
     * repeated hour fires twice and a skipped hour not at all (cron's "elapsed time" rule).
     *
     * <p>Steps: 1. take the stretch of time from {@code after} to the next offset change; 2. within
     * it the offset is fixed, so the first wall-clock match gives the first instant; 3. if that
     * instant lies past the stretch, repeat from the start of the next stretch.
     */
    static Optional<Instant> byElapsedTime(
            CalendarPattern pattern, Instant after, ZoneId zone, ChronoUnit unit) {
        if (after.isAfter(LATEST)) {
            return Optional.empty();
        }
        Instant start = after.isBefore(EARLIEST) ? EARLIEST : after;
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(start);
        LocalDateTime from =
                LocalDateTime.ofEpochSecond(start.getEpochSecond(), 0, offset)
                        .truncatedTo(unit)
                        .plus(1, unit);
        ZoneOffsetTransition end = rules.nextTransition(start);
        int maxYear = from.getYear() + 400;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            Optional<LocalDateTime> match = pattern.next(from, maxYear);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            Instant instant = match.get().toInstant(offset);
            if (end == null || instant.isBefore(end.getInstant())) {
                return Optional.of(instant);
            }
            offset = end.getOffsetAfter();
            from = end.getDateTimeAfter();
            end = rules.nextTransition(end.getInstant());
        }
        return Optional.empty();
    }
}
