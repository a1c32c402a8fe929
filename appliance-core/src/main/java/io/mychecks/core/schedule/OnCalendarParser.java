package io.mychecks.core.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Returns the {@link CalendarPattern} and time zone of one line of a systemd OnCalendar expression:
 * {@code [weekdays] [date] [time] [timezone]}, or a shorthand such as {@code daily}.
 */
final class OnCalendarParser {

    /** One parsed line: when it fires, and in which zone. */
    record Line(CalendarPattern pattern, ZoneId zone) {}

    private static final Map<String, String> SHORTHANDS =
            Map.of(
                    "minutely", "*-*-* *:*:00",
                    "hourly", "*-*-* *:00:00",
                    "daily", "*-*-* 00:00:00",
                    "weekly", "Mon *-*-* 00:00:00",
                    "monthly", "*-*-01 00:00:00",
                    "quarterly", "*-01,04,07,10-01 00:00:00",
                    "semiannually", "*-01,07-01 00:00:00",
                    "yearly", "*-01-01 00:00:00",
                    "annually", "*-01-01 00:00:00");

    /** Weekday names by number, 0 = Sunday, as {@link CalendarPattern} counts them. */
    private static final String[] WEEKDAYS = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
    };

    /** Position of each weekday (0 = Sunday) in a week that starts on Monday, for ranges. */
    private static final int[] MONDAY_FIRST = {6, 0, 1, 2, 3, 4, 5};

    private static final int ALL_WEEKDAYS = 0x7f;

    private OnCalendarParser() {}

    /**
     * Returns the parsed line, which must not be blank; {@code zone} applies unless it names one.
     */
    static Line parse(String line, ZoneId zone) throws InvalidScheduleException {
        List<String> tokens = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() > 1 && Character.isLetter(last.charAt(0))) {
            zone =
                    TimeZones.resolve(last)
                            .orElseThrow(() -> invalid("unknown time zone '" + last + "'"));
            tokens.remove(tokens.size() - 1);
        }
        String shorthand = SHORTHANDS.get(tokens.get(0).toLowerCase(Locale.ROOT));
        if (tokens.size() == 1 && shorthand != null) {
            tokens = Arrays.asList(shorthand.split(" "));
        }
        int weekdays = ALL_WEEKDAYS;
        String date = null;
        String time = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (i == 0 && Character.isLetter(token.charAt(0))) {
                weekdays = weekdays(token);
            } else if (token.indexOf(':') >= 0 && time == null) {
                time = token;
            } else if (token.indexOf(':') < 0 && date == null && time == null) {
                date = token;
            } else {
                throw invalid("unexpected '" + token + "'");
            }
        }
        return new Line(
                pattern(weekdays, date == null ? "*-*-*" : date, time == null ? "00:00:00" : time),
                zone);
    }

    private static CalendarPattern pattern(int weekdays, String date, String time)
            throws InvalidScheduleException {
        int tilde = date.indexOf('~');
        boolean fromEnd = tilde >= 0;
        String[] parts =
                fromEnd
                        ? (date.substring(0, tilde) + "-" + date.substring(tilde + 1))
                                .split("-", -1)
                        : date.split("-", -1);
        if (date.indexOf('~', tilde + 1) > 0 || parts.length < 2 || parts.length > 3) {
            throw invalid("cannot read the date '" + date + "': use YYYY-MM-DD or MM-DD");
        }
        BitSet years =
                parts.length == 3
                        ? CalendarValues.parse(parts[0], CalendarValues.YEAR, false)
                        : null;
        long months =
                CalendarValues.mask(
                        CalendarValues.parse(parts[parts.length - 2], CalendarValues.MONTH, false));
        long days =
                CalendarValues.mask(
                        CalendarValues.parse(parts[parts.length - 1], CalendarValues.DAY, fromEnd));
        String[] clock = time.split(":", -1);
        if (clock.length < 2 || clock.length > 3) {
            throw invalid("cannot read the time '" + time + "': use HH:MM or HH:MM:SS");
        }
        long hours =
                CalendarValues.mask(CalendarValues.parse(clock[0], CalendarValues.HOUR, false));
        long minutes =
                CalendarValues.mask(CalendarValues.parse(clock[1], CalendarValues.MINUTE, false));
        long seconds =
                clock.length == 3
                        ? CalendarValues.mask(
                                CalendarValues.parse(clock[2], CalendarValues.SECOND, false))
                        : 1L;
        CalendarPattern.DayRule dayRule =
                (length, firstWeekday) -> {
                    long byDay = fromEnd ? reverse(days, length) : days;
                    return byDay & CalendarPattern.daysOnWeekdays(weekdays, length, firstWeekday);
                };
        CalendarPattern.YearSet yearSet =
                years == null
                        ? null
                        : year -> {
                            int next = years.nextSetBit(Math.max(year, CalendarValues.YEAR.min()));
                            return next < 0 ? -1 : next;
                        };
        return new CalendarPattern(yearSet, (int) months, dayRule, (int) hours, minutes, seconds);
    }

    /** Turns "k-th day from the end" bits (1 = last) into day-of-month bits for a month. */
    private static long reverse(long fromEnd, int length) {
        long days = 0;
        for (int k = 1; k <= length; k++) {
            if ((fromEnd & (1L << k)) != 0) {
                days |= 1L << (length - k + 1);
            }
        }
        return days;
    }

    /** Returns the weekday bits (0 = Sunday) of a list such as {@code Mon..Fri,Sun}. */
    private static int weekdays(String token) throws InvalidScheduleException {
        // systemd accepts one trailing comma, as in "Wed, 17:48".
        String list = token.endsWith(",") ? token.substring(0, token.length() - 1) : token;
        int bits = 0;
        for (String item : list.split(",", -1)) {
            int dots = item.indexOf("..");
            if (dots < 0) {
                bits |= 1 << weekday(item);
                continue;
            }
            int from = MONDAY_FIRST[weekday(item.substring(0, dots))];
            int to = MONDAY_FIRST[weekday(item.substring(dots + 2))];
            if (from > to) {
                throw invalid(
                        "weekday range '" + item + "' must run forwards from Monday to Sunday");
            }
            for (int w = 0; w < 7; w++) {
                if (MONDAY_FIRST[w] >= from && MONDAY_FIRST[w] <= to) {
                    bits |= 1 << w;
                }
            }
        }
        return bits;
    }

    private static int weekday(String name) throws InvalidScheduleException {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int w = 0; w < 7; w++) {
            if (lower.equals(WEEKDAYS[w]) || lower.equals(WEEKDAYS[w].substring(0, 3))) {
                return w;
            }
        }
        throw invalid("unknown weekday '" + name + "'");
    }

    static InvalidScheduleException invalid(String problem) {
        return new InvalidScheduleException("invalid OnCalendar expression: " + problem);
    }
}
