package io.mychecks.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists fire times of a schedule in the "2026-03-27 10:30" UTC form that schedules.md uses. */
final class FireTimes {

    /** The base time of the examples in schedules.md. */
    static final Instant BASE = Instant.parse("2026-03-27T10:17:00Z");

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private FireTimes() {}

    /**
     * Returns up to {@code count} fire times after {@code from}, in UTC, seconds shown if not 0.
     */
    static List<String> after(Schedule schedule, Instant from, int count) {
        List<String> times = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = schedule.nextAfter(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
            times.add(format(t));
        }
        return times;
    }

    /** Returns up to {@code count} fire times after a UTC time written "2026-10-24 12:00". */
    static List<String> after(Schedule schedule, String from, int count) {
        return after(schedule, utc(from), count);
    }

    /** Returns the instant of a UTC time written "2026-10-24 12:00" or "2026-10-24 12:00:30". */
    static Instant utc(String text) {
        DateTimeFormatter format = text.length() > 16 ? SECONDS : MINUTES;
        return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
    }

    /** Returns the three times of a table cell "2026-03-27 10:30, 2026-03-27 10:45, ...". */
    static List<String> cell(String cell) {
        return List.of(cell.split(",\\s*"));
    }

    static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return (utc.getSecond() == 0 ? MINUTES : SECONDS).format(utc);
    }
}
