package io.mychecks.http.web;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.mychecks.core.schedule.InvalidScheduleException;
import io.mychecks.core.schedule.Schedule;
import io.mychecks.core.schedule.Schedules;
import io.mychecks.core.schedule.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the schedule dialog shows as the user types: whether the expression is valid, what it means
 * in words (cron), and its next run times in the check's time zone.
 */
public final class SchedulePreview {
    private static final CronParser UNIX =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d yyyy, HH:mm z", Locale.ENGLISH);

    /** The time zones the pickers offer: UTC, then the region/city names. */
    public static final List<String> ZONES = zones();

    private static List<String> zones() {
        List<String> out = new ArrayList<>();
        out.add("UTC");
        ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted()
                .forEach(out::add);
        return List.copyOf(out);
    }

    /** The result; {@code error} is empty when valid. */
    public record Result(boolean valid, String error, String description, List<String> next) {}

    private SchedulePreview() {}

    public static Result of(String kind, String expression, String tz, Instant now, int count) {
        Optional<ZoneId> zone = TimeZones.resolve(tz);
        if (zone.isEmpty()) {
            return new Result(false, "Unknown time zone.", "", List.of());
        }
        if (expression == null || expression.isBlank()) {
            return new Result(false, "Enter a schedule.", "", List.of());
        }
        if (expression.length() > 100) {
            return new Result(
                    false, "The schedule is too long (100 characters at most).", "", List.of());
        }
        String k = "oncalendar".equals(kind) ? Schedules.ONCALENDAR : Schedules.CRON;
        Schedule schedule;
        try {
            schedule = Schedules.parse(k, expression.strip(), zone.get());
        } catch (InvalidScheduleException e) {
            return new Result(
                    false,
                    "Not a valid "
                            + (k.equals("cron") ? "cron" : "OnCalendar")
                            + " expression: "
                            + e.getMessage(),
                    "",
                    List.of());
        }
        List<String> next = new ArrayList<>();
        Instant t = now;
        for (int i = 0; i < count; i++) {
            Optional<Instant> n = schedule.nextAfter(t);
            if (n.isEmpty()) {
                break;
            }
            next.add(WHEN.format(n.get().atZone(zone.get())));
            t = n.get();
        }
        if (next.isEmpty()) {
            return new Result(false, "This schedule never runs again.", "", List.of());
        }
        return new Result(true, "", describe(k, expression.strip()), next);
    }

    private static String describe(String kind, String expression) {
        if (!kind.equals(Schedules.CRON)) {
            return "";
        }
        try {
            String d = CronDescriptor.instance(Locale.UK).describe(UNIX.parse(expression));
            return d.isEmpty() ? "" : d.substring(0, 1).toUpperCase(Locale.ROOT) + d.substring(1);
        } catch (RuntimeException e) {
            // our cron dialect accepts a few forms the describer does not: no words then
            return "";
        }
    }
}
