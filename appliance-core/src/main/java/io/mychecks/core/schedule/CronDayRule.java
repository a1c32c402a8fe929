package io.mychecks.core.schedule;

/**
 * Returns the days of a month that a cron expression's day-of-month and day-of-week fields select,
 * combined by Debian cron's rule.
 *
 * <p>When both fields are restricted a day matches if either field matches; when either field
 * starts with {@code *} (also {@code *}{@code /2}) both must match.
 */
final class CronDayRule implements CalendarPattern.DayRule {

    /** Bits 1..31: plain days of the month. */
    final long monthDays;

    /** {@code L}: the last day of the month. */
    final boolean lastDay;

    /** {@code LW}: the last weekday (Monday to Friday) of the month. */
    final boolean lastWeekday;

    /** Bits 0..6 (0 = Sunday): every such weekday. */
    final int weekdays;

    /**
     * Index = weekday (0 = Sunday), bits 1..5: the n-th such weekday of the month ({@code D#n}).
     */
    final int[] nthWeekdays;

    /** Bits 0..6: the last such weekday of the month ({@code DL}). */
    final int lastWeekdays;

    /** True when both fields must match (one of them starts with {@code *}). */
    final boolean both;

    CronDayRule(
            long monthDays,
            boolean lastDay,
            boolean lastWeekday,
            int weekdays,
            int[] nthWeekdays,
            int lastWeekdays,
            boolean both) {
        this.monthDays = monthDays;
        this.lastDay = lastDay;
        this.lastWeekday = lastWeekday;
        this.weekdays = weekdays;
        this.nthWeekdays = nthWeekdays.clone();
        this.lastWeekdays = lastWeekdays;
        this.both = both;
    }

    @Override
    public long days(int length, int firstWeekday) {
        long byMonthDay = monthDays;
        if (lastDay) {
            byMonthDay |= 1L << length;
        }
        if (lastWeekday) {
            int last = Math.floorMod(firstWeekday + length - 1, 7);
            int back = last == 6 ? 1 : last == 0 ? 2 : 0;
            byMonthDay |= 1L << (length - back);
        }
        long byWeekday = CalendarPattern.daysOnWeekdays(weekdays, length, firstWeekday);
        for (int w = 0; w < 7; w++) {
            int first = CalendarPattern.firstDayOn(w, firstWeekday);
            for (int n = 1; n <= 5; n++) {
                int day = first + 7 * (n - 1);
                if ((nthWeekdays[w] & (1 << n)) != 0 && day <= length) {
                    byWeekday |= 1L << day;
                }
            }
            if ((lastWeekdays & (1 << w)) != 0) {
                byWeekday |= 1L << (first + 7 * ((length - first) / 7));
            }
        }
        return both ? byMonthDay & byWeekday : byMonthDay | byWeekday;
    }
}
