package io.mychecks.core.schedule;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Returns the set of values that one OnCalendar component (year, month, day, hour, minute or
 * second) allows, from its text: {@code *}, a value, a list {@code a,b}, a range {@code a..b}, or a
 * repetition {@code a/n} or {@code a..b/n}.
 */
final class CalendarValues {

    private static final Pattern ITEM =
            Pattern.compile("(\\*|(\\d{1,4})(?:\\.\\.(\\d{1,4}))?)(?:/(\\d{1,4}))?");

    /** How one component is read. */
    record Component(String name, int min, int max, boolean twoDigitYears) {}

    /** Years past 2199 are accepted but never searched (see {@link OnCalendarSchedule}). */
    static final Component YEAR = new Component("year", 1970, 9999, true);

    static final Component MONTH = new Component("month", 1, 12, false);
    static final Component DAY = new Component("day", 1, 31, false);
    static final Component HOUR = new Component("hour", 0, 23, false);
    static final Component MINUTE = new Component("minute", 0, 59, false);
    static final Component SECOND = new Component("second", 0, 59, false);

    private CalendarValues() {}

    /**
     * Returns the values {@code text} allows for {@code component}.
     *
     * <p>With {@code fromEnd} (a day after {@code ~}) the values count days back from the end of
     * the month, 1 being the last day, and a repetition {@code a/n} runs towards the end of the
     * month: {@code ~7/1} is the last seven days.
     */
    static BitSet parse(String text, Component component, boolean fromEnd)
            throws InvalidScheduleException {
        if (component == SECOND && text.indexOf('.') >= 0 && !text.contains("..")) {
            throw invalid(component, "fractional seconds are not supported");
        }
        if (text.isEmpty() || text.startsWith(",") || text.endsWith(",")) {
            throw invalid(component, "missing value in '" + text + "'");
        }
        BitSet values = new BitSet();
        for (String item : text.split(",")) {
            Matcher matcher = ITEM.matcher(item);
            if (!matcher.matches()) {
                throw invalid(component, "cannot read '" + item + "'");
            }
            int step = matcher.group(4) == null ? 1 : Integer.parseInt(matcher.group(4));
            if (step < 1) {
                throw invalid(component, "a repetition must be at least 1");
            }
            if (matcher.group(2) == null) {
                addSteps(values, component.min(), component.max(), step);
                continue;
            }
            int from = value(matcher.group(2), component);
            boolean range = matcher.group(3) != null;
            int to = range ? value(matcher.group(3), component) : from;
            if (!range && matcher.group(4) != null) {
                // a/n: the value and every n-th one after it (towards the month's end for ~).
                to = fromEnd ? component.min() : component.max();
            }
            if (fromEnd && from >= to) {
                for (int v = from; v >= to; v -= step) {
                    values.set(v);
                }
            } else if (from > to) {
                throw invalid(component, "range " + from + ".." + to + " goes backwards");
            } else {
                addSteps(values, from, to, step);
            }
        }
        return values;
    }

    /** Returns the bits of a value set that fits in 64 bits. */
    static long mask(BitSet values) {
        long[] words = values.toLongArray();
        return words.length == 0 ? 0 : words[0];
    }

    private static void addSteps(BitSet values, int from, int to, int step) {
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    private static int value(String digits, Component component) throws InvalidScheduleException {
        int value = Integer.parseInt(digits);
        if (component.twoDigitYears() && digits.length() <= 2) {
            // As systemd reads them: 70..99 are 1970..1999, 00..69 are 2000..2069.
            value += value >= 70 ? 1900 : 2000;
        }
        if (value < component.min() || value > component.max()) {
            throw invalid(
                    component,
                    value + " is out of range " + component.min() + ".." + component.max());
        }
        return value;
    }

    static InvalidScheduleException invalid(Component component, String problem) {
        return new InvalidScheduleException(
                "invalid OnCalendar expression: " + component.name() + ": " + problem);
    }
}
