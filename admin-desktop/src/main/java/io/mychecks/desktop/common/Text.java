package io.mychecks.desktop.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes sizes, ages and times. */
public final class Text {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Text() {}

    /** 1536 → "1.5 KB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A duration as people say it: "4 s", "3 min", "2 h 5 min", "3 days". */
    public static String age(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return (s / 3600) + " h" + (m == 0 ? "" : " " + m + " min");
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day" : " days");
    }

    /** A moment in the console's time zone, or "never". */
    public static String when(Instant at, ZoneId zone) {
        return at == null ? "never" : WHEN.format(at.atZone(zone));
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
