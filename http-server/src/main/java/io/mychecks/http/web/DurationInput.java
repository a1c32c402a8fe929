package io.mychecks.http.web;

/** How a number of seconds fills a value-and-unit input pair: the largest unit that divides it. */
public final class DurationInput {
    private DurationInput() {}

    public static String unit(long seconds) {
        if (seconds % 604800 == 0) {
            return "weeks";
        }
        if (seconds % 86400 == 0) {
            return "days";
        }
        if (seconds % 3600 == 0) {
            return "hours";
        }
        return "minutes";
    }

    public static String value(long seconds) {
        long per = CheckForm.UNITS.get(unit(seconds));
        if (seconds % per == 0) {
            return Long.toString(seconds / per);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", seconds / (double) per)
                .replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }
}
