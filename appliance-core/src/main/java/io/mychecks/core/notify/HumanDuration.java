package io.mychecks.core.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Formats durations for people: the two largest units, e.g. "2 hours 5 minutes", "1 day". */
public final class HumanDuration {
    private static final long[] UNIT_SECONDS = {7 * 86400, 86400, 3600, 60, 1};
    private static final String[] UNIT_NAMES = {"week", "day", "hour", "minute", "second"};

    private HumanDuration() {}

    /** Returns {@code d} in words; anything under a second reads "0 seconds". */
    public static String format(Duration d) {
        long left = Math.max(0, d.getSeconds());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < UNIT_SECONDS.length && parts.size() < 2; i++) {
            long n = left / UNIT_SECONDS[i];
            if (n > 0) {
                parts.add(n + " " + UNIT_NAMES[i] + (n == 1 ? "" : "s"));
                left -= n * UNIT_SECONDS[i];
            } else if (!parts.isEmpty()) {
                // stop at the first gap: "1 week 3 hours" would read as more precise than it is
                break;
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }
}
