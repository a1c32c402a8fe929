package io.mychecks.core.schedule;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Finds the first wall-clock time at or after a given one whose fields all match; no time zone is
 * involved here.
 *
 * <p>Each field is a bit mask of allowed values, so the search jumps from one allowed value to the
 * next instead of stepping minute by minute. Days are decided per month by a {@link DayRule}, which
 * sees the month's length and the weekday of its first day.
 */
final class CalendarPattern {

    /** Answers which days of one month match, as bits 1..31 of the returned mask. */
    interface DayRule {
        /**
         * Returns the matching days of a month as a bit mask (bit d set = day d matches).
         *
         * @param length the number of days in the month (28..31)
         * @param firstWeekday weekday of the 1st, 0 = Sunday .. 6 = Saturday
         */
        long days(int length, int firstWeekday);
    }

    /** Allowed years; {@code null} in the constructor means every year. */
    interface YearSet {
        /** Returns the smallest allowed year at or after {@code year}, or -1 if there is none. */
        int nextAllowed(int year);
    }

    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;

    private static final int[] MONTH_OFFSETS = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};

    private final YearSet years;
    private final int months;
    private final DayRule dayRule;
    private final int hours;
    private final long minutes;
    private final long seconds;

    CalendarPattern(
            YearSet years, int months, DayRule dayRule, int hours, long minutes, long seconds) {
        this.years = years;
        this.months = months;
        this.dayRule = dayRule;
        this.hours = hours;
        this.minutes = minutes;
        this.seconds = seconds;
    }

    /**
     * Returns the first matching wall-clock time at or after {@code from} (nanoseconds ignored), or
     * empty if none exists in a year up to {@code maxYear}.
     *
     * <p>The fields are walked from year down to second, like an odometer: 1. move the current
     * field to its next allowed value, resetting the fields below it to their lowest values; 2. if
     * it has none left, add one to the field above and go back up to that field; 3. the first time
     * all six fields hold allowed values is the answer.
     */
    Optional<LocalDateTime> next(LocalDateTime from, int maxYear) {
        int[] time = {
            from.getYear(),
            from.getMonthValue(),
            from.getDayOfMonth(),
            from.getHour(),
            from.getMinute(),
            from.getSecond()
        };
        int field = YEAR;
        while (field <= SECOND) {
            int allowed = nextAllowed(field, time);
            if (field == YEAR && (allowed < 0 || allowed > maxYear)) {
                return Optional.empty();
            }
            if (allowed < 0) {
                // An overflow (month 13, hour 24...) is found when the field above is checked.
                field--;
                time[field]++;
                resetBelow(field, time);
                continue;
            }
            if (allowed != time[field]) {
                time[field] = allowed;
                resetBelow(field, time);
            }
            field++;
        }
        return Optional.of(
                LocalDateTime.of(
                        time[YEAR],
                        time[MONTH],
                        time[DAY],
                        time[HOUR],
                        time[MINUTE],
                        time[SECOND]));
    }

    /** Returns the first allowed value of {@code field} at or after its value in {@code time}. */
    private int nextAllowed(int field, int[] time) {
        int value = time[field];
        switch (field) {
            case YEAR:
                return years == null ? value : years.nextAllowed(value);
            case MONTH:
                return nextBit(months, value);
            case DAY:
                int length = lengthOfMonth(time[YEAR], time[MONTH]);
                long days = dayRule.days(length, weekday(time[YEAR], time[MONTH], 1));
                return nextBit(days & ((1L << (length + 1)) - 2), value);
            case HOUR:
                return nextBit(hours, value);
            case MINUTE:
                return nextBit(minutes, value);
            default:
                return nextBit(seconds, value);
        }
    }

    private static void resetBelow(int field, int[] time) {
        for (int f = field + 1; f <= SECOND; f++) {
            time[f] = f == MONTH || f == DAY ? 1 : 0;
        }
    }

    /** Returns the lowest set bit at or above {@code from}, or -1 if there is none. */
    static int nextBit(long mask, int from) {
        if (from >= 64) {
            return -1;
        }
        long rest = mask & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /** Returns the weekday of a date, 0 = Sunday .. 6 = Saturday (proleptic Gregorian). */
    static int weekday(int year, int month, int day) {
        int y = month < 3 ? year - 1 : year;
        int value =
                y
                        + Math.floorDiv(y, 4)
                        - Math.floorDiv(y, 100)
                        + Math.floorDiv(y, 400)
                        + MONTH_OFFSETS[month - 1]
                        + day;
        return Math.floorMod(value, 7);
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Returns a mask of the days 1..length that fall on a weekday in {@code weekdays}. */
    static long daysOnWeekdays(int weekdays, int length, int firstWeekday) {
        long mask = 0;
        for (int w = 0; w < 7; w++) {
            if ((weekdays & (1 << w)) != 0) {
                for (int d = firstDayOn(w, firstWeekday); d <= length; d += 7) {
                    mask |= 1L << d;
                }
            }
        }
        return mask;
    }

    /** Returns the first day of a month (1..7) that falls on weekday {@code w}. */
    static int firstDayOn(int w, int firstWeekday) {
        return 1 + Math.floorMod(w - firstWeekday, 7);
    }
}
