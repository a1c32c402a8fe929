package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Random cron expressions agree with a slow search that tries every minute and states the rules of
 * schedules.md directly, written without the production code's bit masks.
 */
class CronScheduleAgreementTest {

    private static final String[] DAY_NAMES = {"SUN", "mon", "Tue", "WED", "thu", "Fri", "SAT"};
    private static final List<String> DST_ZONES =
            List.of(
                    "Europe/London",
                    "America/New_York",
                    "Australia/Lord_Howe",
                    "Europe/Riga",
                    "America/Santiago",
                    "Pacific/Chatham");

    private final Random random = new Random(20260327);

    /** A generated field: its text and which values it allows. */
    private record Field(String text, IntPredicate allows) {}

    /** A generated day field: its text and which dates it allows. */
    private record DayField(String text, Predicate<LocalDate> allows) {}

    @Test
    void randomExpressionsInUtcFireWhereAMinuteByMinuteSearchSays()
            throws InvalidScheduleException {
        for (int i = 0; i < 300; i++) {
            Field minute = field(0, 59);
            Field hour = field(0, 23);
            Field month = field(1, 12);
            DayField dom = dayOfMonth();
            DayField dow = dayOfWeek();
            String expression =
                    String.join(" ", minute.text, hour.text, dom.text, month.text, dow.text);
            boolean both = dom.text.startsWith("*") || dow.text.startsWith("*");
            Predicate<LocalDate> dayFires =
                    d ->
                            month.allows.test(d.getMonthValue())
                                    && (both
                                            ? dom.allows.test(d) && dow.allows.test(d)
                                            : dom.allows.test(d) || dow.allows.test(d));
            Predicate<LocalDateTime> timeFires =
                    t -> minute.allows.test(t.getMinute()) && hour.allows.test(t.getHour());
            Instant from =
                    Instant.parse("2020-01-01T00:00:00Z")
                            .plus(random.nextInt(3650), ChronoUnit.DAYS)
                            .plusSeconds(random.nextInt(86_400));
            List<String> expected = slowSearchUtc(dayFires, timeFires, from, 3);
            CronSchedule schedule;
            try {
                schedule = CronSchedule.parse(expression, ZoneOffset.UTC);
            } catch (InvalidScheduleException e) {
                assertThat(e).as(expression).hasMessageContaining("never fires");
                assertThat(expected).as(expression).isEmpty();
                continue;
            }
            assertThat(FireTimes.after(schedule, from, expected.size()))
                    .as(expression)
                    .isEqualTo(expected);
        }
    }

    @Test
    void randomTimesOfDayAgreeAroundDaylightSavingChanges() throws InvalidScheduleException {
        for (int i = 0; i < 200; i++) {
            Field minute = field(0, 59);
            Field hour = field(0, 23);
            String expression = minute.text + " " + hour.text + " * * *";
            boolean elapsed = hour.text.contains("*") || hour.text.contains("/");
            ZoneId zone = ZoneId.of(DST_ZONES.get(random.nextInt(DST_ZONES.size())));
            ZoneOffsetTransition change =
                    zone.getRules()
                            .nextTransition(
                                    Instant.parse("2024-01-01T00:00:00Z")
                                            .plus(random.nextInt(1100), ChronoUnit.DAYS));
            Instant from = change.getInstant().minusSeconds(random.nextInt(3 * 3600));
            Predicate<LocalDateTime> wallMatches =
                    t -> minute.allows.test(t.getMinute()) && hour.allows.test(t.getHour());

            List<String> expected = slowSearchInZone(wallMatches, elapsed, zone, from, 3);

            CronSchedule schedule = CronSchedule.parse(expression, zone);
            assertThat(FireTimes.after(schedule, from, 3))
                    .as(expression + " in " + zone)
                    .isEqualTo(expected);
        }
    }

    /** Tries every minute in UTC for up to nine years. */
    private static List<String> slowSearchUtc(
            Predicate<LocalDate> dayFires,
            Predicate<LocalDateTime> timeFires,
            Instant from,
            int count) {
        List<String> found = new ArrayList<>();
        LocalDateTime start =
                LocalDateTime.ofInstant(from, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        for (LocalDate day = start.toLocalDate();
                found.size() < count && day.isBefore(start.toLocalDate().plusYears(9));
                day = day.plusDays(1)) {
            for (int m = 0; m < 1440 && found.size() < count && dayFires.test(day); m++) {
                LocalDateTime t = day.atStartOfDay().plusMinutes(m);
                if (t.isAfter(start) && timeFires.test(t)) {
                    found.add(FireTimes.format(t.toInstant(ZoneOffset.UTC)));
                }
            }
        }
        return found;
    }

    /**
     * Tries every minute for up to five days. By elapsed time an instant fires when its wall-clock
     * time matches; otherwise it must also not be the second occurrence of a repeated time, and the
     * end of a spring gap fires if any matching time falls in the gap.
     */
    private static List<String> slowSearchInZone(
            Predicate<LocalDateTime> wallMatches,
            boolean elapsed,
            ZoneId zone,
            Instant from,
            int count) {
        ZoneRules rules = zone.getRules();
        List<String> found = new ArrayList<>();
        Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        for (int i = 0;
                i < 5 * 1440 && found.size() < count;
                i++, t = t.plus(1, ChronoUnit.MINUTES)) {
            LocalDateTime wall = LocalDateTime.ofInstant(t, zone);
            boolean fires = wallMatches.test(wall);
            if (!elapsed) {
                List<ZoneOffset> offsets = rules.getValidOffsets(wall);
                boolean secondTime =
                        offsets.size() == 2 && !rules.getOffset(t).equals(offsets.get(0));
                fires = fires && !secondTime || gapEndsWithMatch(rules, t, wallMatches);
            }
            if (fires) {
                found.add(FireTimes.format(t));
            }
        }
        return found;
    }

    private static boolean gapEndsWithMatch(
            ZoneRules rules, Instant t, Predicate<LocalDateTime> wallMatches) {
        ZoneOffsetTransition change = rules.previousTransition(t.plusNanos(1));
        if (change == null || !change.getInstant().equals(t) || !change.isGap()) {
            return false;
        }
        for (LocalDateTime w = change.getDateTimeBefore();
                w.isBefore(change.getDateTimeAfter());
                w = w.plusMinutes(1)) {
            if (wallMatches.test(w)) {
                return true;
            }
        }
        return false;
    }

    private Field field(int min, int max) {
        int kind = random.nextInt(7);
        if (kind == 0) {
            return new Field("*", v -> true);
        }
        if (kind == 1) {
            int step = 1 + random.nextInt(Math.max(1, (max - min) / 2));
            return new Field("*/" + step, v -> (v - min) % step == 0);
        }
        if (kind == 2) {
            Field a = simple(min, max);
            Field b = simple(min, max);
            return new Field(a.text + "," + b.text, v -> a.allows.test(v) || b.allows.test(v));
        }
        return simple(min, max);
    }

    private Field simple(int min, int max) {
        int a = min + random.nextInt(max - min + 1);
        int b = a + random.nextInt(max - a + 1);
        switch (random.nextInt(3)) {
            case 0:
                return new Field(Integer.toString(a), v -> v == a);
            case 1:
                return new Field(a + "-" + b, v -> v >= a && v <= b);
            default:
                int step = 1 + random.nextInt(5);
                return new Field(
                        a + "-" + b + "/" + step, v -> v >= a && v <= b && (v - a) % step == 0);
        }
    }

    private DayField dayOfMonth() {
        switch (random.nextInt(6)) {
            case 0:
                return new DayField("L", d -> d.getDayOfMonth() == d.lengthOfMonth());
            case 1:
                return new DayField("LW", d -> d.equals(lastWeekday(d)));
            default:
                Field f = field(1, 31);
                return new DayField(f.text, d -> f.allows.test(d.getDayOfMonth()));
        }
    }

    private DayField dayOfWeek() {
        int day = random.nextInt(8);
        DayOfWeek dow = DayOfWeek.of(day == 0 ? 7 : day);
        String name = random.nextBoolean() ? Integer.toString(day) : DAY_NAMES[day % 7];
        switch (random.nextInt(6)) {
            case 0:
                int n = 1 + random.nextInt(5);
                return new DayField(
                        name + "#" + n,
                        d -> d.getDayOfWeek() == dow && (d.getDayOfMonth() - 1) / 7 + 1 == n);
            case 1:
                return new DayField(
                        name + "L",
                        d ->
                                d.getDayOfWeek() == dow
                                        && d.plusWeeks(1).getMonthValue() != d.getMonthValue());
            default:
                Field f = field(0, 7);
                return new DayField(
                        f.text,
                        d ->
                                f.allows.test(d.getDayOfWeek().getValue() % 7)
                                        || d.getDayOfWeek() == DayOfWeek.SUNDAY
                                                && f.allows.test(7));
        }
    }

    private static LocalDate lastWeekday(LocalDate date) {
        LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
        while (last.getDayOfWeek() == DayOfWeek.SATURDAY
                || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
            last = last.minusDays(1);
        }
        return last;
    }
}
