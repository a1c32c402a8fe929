package io.mychecks.core.profile;

import io.mychecks.core.schedule.TimeZones;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * When the next report is due: the next day, Monday or first of the month, at 09:00 in the user's
 * time zone plus a random 0–120 minutes, so that a server's reports do not all leave at once.
 */
public final class ReportSchedule {
    public static final List<String> PERIODS = List.of("off", "daily", "weekly", "monthly");
    private final LongSupplier jitterMinutes;

    public ReportSchedule() {
        this(() -> ThreadLocalRandom.current().nextLong(121));
    }

    /** With a fixed jitter, for tests. */
    public ReportSchedule(LongSupplier jitterMinutes) {
        this.jitterMinutes = jitterMinutes;
    }

    /** The next report time after {@code now}; null for {@code off}. */
    public Instant next(String period, String tz, Instant now) {
        if (period == null || period.equals("off")) {
            return null;
        }
        ZoneId zone = TimeZones.resolve(tz).orElse(ZoneOffset.UTC);
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day =
                switch (period) {
                    case "daily" -> today.plusDays(1);
                    case "weekly" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                    default -> today.with(TemporalAdjusters.firstDayOfNextMonth());
                };
        return day.atTime(LocalTime.of(9, 0))
                .atZone(zone)
                .toInstant()
                .plusSeconds(60 * jitterMinutes.getAsLong());
    }
}
