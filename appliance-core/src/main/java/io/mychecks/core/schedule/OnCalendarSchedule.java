package io.mychecks.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Returns the fire times of a systemd OnCalendar expression (systemd.time(7) calendar events), one
 * event per line; the schedule fires whenever any line fires.
 *
 * <p>A line is {@code [weekdays] [date] [time] [timezone]} or a shorthand ({@code daily}, {@code
 * weekly}...). A wall-clock time that a spring-forward gap skips does not fire that day; a
 * wall-clock time repeated by an autumn change fires once, at its first occurrence. Only years up
 * to 2199 are searched. Fractional seconds are not supported.
 */
public final class OnCalendarSchedule implements Schedule {

    /** The last year searched, as systemd does. */
    static final int MAX_YEAR = 2199;

    private final String expression;
    private final ZoneId defaultZone;
    private final List<OnCalendarParser.Line> lines;

    private OnCalendarSchedule(
            String expression, ZoneId defaultZone, List<OnCalendarParser.Line> lines) {
        this.expression = expression;
        this.defaultZone = defaultZone;
        this.lines = List.copyOf(lines);
    }

    /**
     * Returns the schedule of an OnCalendar expression; lines that name no time zone are evaluated
     * in {@code defaultZone}. Blank lines are ignored.
     *
     * @throws InvalidScheduleException if the expression is blank, a line cannot be read, a value
     *     is out of range ({@code *-13-01}) or a time zone is unknown
     */
    public static OnCalendarSchedule parse(String expression, ZoneId defaultZone)
            throws InvalidScheduleException {
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("schedule is empty");
        }
        List<OnCalendarParser.Line> lines = new ArrayList<>();
        for (String line : expression.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(OnCalendarParser.parse(line, defaultZone));
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidScheduleException("schedule is empty");
        }
        return new OnCalendarSchedule(expression.strip(), defaultZone, lines);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        Objects.requireNonNull(after, "after");
        Instant first = null;
        for (OnCalendarParser.Line line : lines) {
            Optional<Instant> next =
                    WallClockSearch.firstOccurrence(
                            line.pattern(),
                            after,
                            line.zone(),
                            WallClockSearch.GapPolicy.SKIP,
                            ChronoUnit.SECONDS,
                            MAX_YEAR);
            if (next.isPresent() && (first == null || next.get().isBefore(first))) {
                first = next.get();
            }
        }
        return Optional.ofNullable(first);
    }

    /** Returns the expression as given, without surrounding whitespace. */
    public String expression() {
        return expression;
    }

    /** Returns the zone used by lines that do not name their own. */
    public ZoneId defaultZone() {
        return defaultZone;
    }

    @Override
    public String toString() {
        return "OnCalendar '" + expression + "' in " + defaultZone;
    }
}
