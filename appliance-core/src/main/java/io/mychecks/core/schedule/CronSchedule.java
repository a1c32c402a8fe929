package io.mychecks.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Returns the fire times of a five-field cron expression in a time zone, as Debian cron runs it.
 *
 * <p>Fields: minute, hour, day of month, month, day of week. Day of month and day of week combine
 * by OR when both are restricted and by AND when either starts with {@code *}. Daylight-saving
 * changes: with a fixed hour field, a time in a spring-forward gap fires at the end of the gap and
 * a repeated time fires once, at its first occurrence; with {@code *} or a step in the hour field,
 * fire times follow elapsed time (a repeated hour fires twice).
 */
public final class CronSchedule implements Schedule {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LETTERS = Pattern.compile("[A-Z]+");
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };
    private static final String[] WEEKDAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final Set<String> MONTH_WORDS = Set.of(MONTHS);

    /** Weekday names, alone or with L ({@code FRIL} = last Friday), and a bare L. */
    private static final Set<String> WEEKDAY_WORDS =
            Stream.concat(
                            Stream.of("L"),
                            Stream.of(WEEKDAYS).flatMap(day -> Stream.of(day, day + "L")))
                    .collect(Collectors.toUnmodifiableSet());

    /** An expression must fire between this time and {@link #VALIDATION_YEARS} years later. */
    private static final LocalDateTime VALIDATION_START = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** The Gregorian calendar repeats every 400 years, so a longer search finds nothing new. */
    private static final int VALIDATION_YEARS = 400;

    private final String expression;
    private final ZoneId zone;
    private final CalendarPattern pattern;
    private final boolean elapsedTime;

    private CronSchedule(
            String expression, ZoneId zone, CalendarPattern pattern, boolean elapsedTime) {
        this.expression = expression;
        this.zone = zone;
        this.pattern = pattern;
        this.elapsedTime = elapsedTime;
    }

    /**
     * Returns the schedule of a cron expression evaluated in {@code zone}.
     *
     * @throws InvalidScheduleException if the expression does not have exactly five fields, uses
     *     syntax outside the supported set ({@code nW}, {@code L-n}, {@code ?}, {@code @daily}),
     *     has a value out of range, or can never fire ({@code * * 31 2 *})
     */
    public static CronSchedule parse(String expression, ZoneId zone)
            throws InvalidScheduleException {
        Objects.requireNonNull(zone, "zone");
        String[] fields = fieldsOf(expression);
        String minute = checkLetters(fields[0], "minute", Set.of());
        String hour = checkLetters(fields[1], "hour", Set.of());
        String dayOfMonth = checkLetters(fields[2], "day of month", Set.of("L", "LW"));
        String month = replaceNames(checkLetters(fields[3], "month", MONTH_WORDS), MONTHS, 1);
        String dayOfWeek =
                replaceNames(checkLetters(fields[4], "day of week", WEEKDAY_WORDS), WEEKDAYS, 0);
        String normalized = String.join(" ", minute, hour, dayOfMonth, month, dayOfWeek);
        CalendarPattern pattern =
                CronFields.toPattern(
                        normalized, dayOfMonth.startsWith("*"), dayOfWeek.startsWith("*"));
        String trimmed = expression.strip();
        if (pattern.next(VALIDATION_START, VALIDATION_START.getYear() + VALIDATION_YEARS)
                .isEmpty()) {
            throw new InvalidScheduleException(
                    "invalid cron expression: '" + trimmed + "' never fires");
        }
        boolean elapsedTime = hour.indexOf('*') >= 0 || hour.indexOf('/') >= 0;
        return new CronSchedule(trimmed, zone, pattern, elapsedTime);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        Objects.requireNonNull(after, "after");
        if (elapsedTime) {
            return WallClockSearch.byElapsedTime(pattern, after, zone, ChronoUnit.MINUTES);
        }
        return WallClockSearch.firstOccurrence(
                pattern,
                after,
                zone,
                WallClockSearch.GapPolicy.SHIFT_TO_GAP_END,
                ChronoUnit.MINUTES,
                Integer.MAX_VALUE);
    }

    /** Returns the expression as given, without surrounding whitespace. */
    public String expression() {
        return expression;
    }

    /** Returns the time zone the expression is evaluated in. */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "cron '" + expression + "' in " + zone;
    }

    /** Returns the five fields of an expression, after the checks that need no parsing. */
    private static String[] fieldsOf(String expression) throws InvalidScheduleException {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("schedule is empty");
        }
        String trimmed = expression.strip();
        if (trimmed.startsWith("@")) {
            throw new InvalidScheduleException(
                    "cron names such as @daily are not supported: use five fields");
        }
        String[] fields = WHITESPACE.split(trimmed);
        if (fields.length != 5) {
            throw new InvalidScheduleException(
                    "a cron expression needs exactly 5 fields "
                            + "(minute hour day-of-month month day-of-week), found "
                            + fields.length);
        }
        if (trimmed.indexOf('?') >= 0) {
            throw new InvalidScheduleException("invalid cron expression: '?' is not supported");
        }
        return fields;
    }

    /**
     * Replaces names by their numbers, counting from {@code first}; a name next to a digit ("JAN1")
     * is left for the parser to reject rather than read as another value.
     */
    private static String replaceNames(String upper, String[] names, int first) {
        Pattern name = Pattern.compile("(?<![0-9])(" + String.join("|", names) + ")(?![0-9])");
        List<String> list = List.of(names);
        return name.matcher(upper)
                .replaceAll(match -> Integer.toString(first + list.indexOf(match.group(1))));
    }

    /** Returns the field in upper case if every run of letters in it is one of {@code allowed}. */
    private static String checkLetters(String field, String name, Set<String> allowed)
            throws InvalidScheduleException {
        String upper = field.toUpperCase(Locale.ROOT);
        Matcher letters = LETTERS.matcher(upper);
        while (letters.find()) {
            String word = letters.group();
            if (!allowed.contains(word)) {
                String hint =
                        name.equals("day of month") && word.equals("W")
                                ? " (nW, the nearest weekday, is not supported)"
                                : "";
                throw new InvalidScheduleException(
                        "invalid cron expression: "
                                + name
                                + ": unknown name '"
                                + word
                                + "'"
                                + hint);
            }
        }
        return upper;
    }
}
