package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Random OnCalendar lines agree with a slow search that tries every minute and states the
 * systemd.time rules directly, written without the production code's bit masks.
 */
class OnCalendarAgreementTest {

    private static final String[] WEEKDAYS = {
        "Mon", "tue", "Wednesday", "Thu", "FRI", "Sat", "sunday"
    };
    private static final List<String> DST_ZONES =
            List.of(
                    "Europe/London",
                    "America/New_York",
                    "Australia/Lord_Howe",
                    "Europe/Riga",
                    "America/Santiago",
                    "Pacific/Chatham");

    private final Random random = new Random(7);

    /** A generated component: its text and which values it allows. */
    private record Part(String text, IntPredicate allows) {}

    @Test
    void randomLinesInUtcFireWhereAMinuteByMinuteSearchSays() throws InvalidScheduleException {
        for (int i = 0; i < 300; i++) {
            Part weekdays = weekdays();
            Part year = random.nextInt(4) == 0 ? part(2024, 2031) : new Part("*", v -> true);
            Part month = part(1, 12);
            boolean fromEnd = random.nextInt(4) == 0;
            Part day = fromEnd ? fromEnd() : part(1, 31);
            Part hour = part(0, 23);
            Part minute = part(0, 59);
            String expression =
                    (weekdays.text
                                    + " "
                                    + year.text
                                    + "-"
                                    + month.text
                                    + (fromEnd ? "~" : "-")
                                    + day.text
                                    + " "
                                    + hour.text
                                    + ":"
                                    + minute.text)
                            .strip();
            Predicate<LocalDate> dayFires =
                    d ->
                            weekdays.allows.test(d.getDayOfWeek().getValue())
                                    && year.allows.test(d.getYear())
                                    && month.allows.test(d.getMonthValue())
                                    && day.allows.test(
                                            fromEnd
                                                    ? d.lengthOfMonth() - d.getDayOfMonth() + 1
                                                    : d.getDayOfMonth());
            Instant from =
                    Instant.parse("2024-01-01T00:00:00Z")
                            .plus(random.nextInt(2000), ChronoUnit.DAYS)
                            .plusSeconds(random.nextInt(86_400));

            List<String> expected = new ArrayList<>();
            LocalDateTime start = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
            for (LocalDate d = start.toLocalDate();
                    expected.size() < 3 && d.getYear() < 2100;
                    d = d.plusDays(1)) {
                for (int m = 0; m < 1440 && expected.size() < 3 && dayFires.test(d); m++) {
                    LocalDateTime t = d.atStartOfDay().plusMinutes(m);
                    if (t.isAfter(start)
                            && hour.allows.test(t.getHour())
                            && minute.allows.test(t.getMinute())) {
                        expected.add(FireTimes.format(t.toInstant(ZoneOffset.UTC)));
                    }
                }
            }

            OnCalendarSchedule schedule = OnCalendarSchedule.parse(expression, ZoneOffset.UTC);
            assertThat(FireTimes.after(schedule, from, 3))
                    .as(expression)
                    .filteredOn(time -> time.compareTo("2100") < 0)
                    .isEqualTo(expected);
        }
    }

    @Test
    void randomTimesOfDayAgreeAroundDaylightSavingChanges() throws InvalidScheduleException {
        for (int i = 0; i < 200; i++) {
            Part hour = part(0, 23);
            Part minute = part(0, 59);
            String expression = "*-*-* " + hour.text + ":" + minute.text;
            ZoneId zone = ZoneId.of(DST_ZONES.get(random.nextInt(DST_ZONES.size())));
            ZoneRules rules = zone.getRules();
            Instant change =
                    rules.nextTransition(
                                    Instant.parse("2024-01-01T00:00:00Z")
                                            .plus(random.nextInt(1100), ChronoUnit.DAYS))
                            .getInstant();
            Instant from = change.minusSeconds(random.nextInt(3 * 3600));

            // An instant fires when its wall-clock time matches, unless it is the second
            // occurrence of a repeated time; times in a gap are never any instant's wall-clock.
            List<String> expected = new ArrayList<>();
            Instant t = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            for (int m = 0;
                    m < 5 * 1440 && expected.size() < 3;
                    m++, t = t.plus(1, ChronoUnit.MINUTES)) {
                LocalDateTime wall = LocalDateTime.ofInstant(t, zone);
                List<ZoneOffset> offsets = rules.getValidOffsets(wall);
                boolean secondTime =
                        offsets.size() == 2 && !rules.getOffset(t).equals(offsets.get(0));
                if (hour.allows.test(wall.getHour())
                        && minute.allows.test(wall.getMinute())
                        && !secondTime) {
                    expected.add(FireTimes.format(t));
                }
            }

            OnCalendarSchedule schedule = OnCalendarSchedule.parse(expression, zone);
            assertThat(FireTimes.after(schedule, from, 3))
                    .as(expression + " in " + zone)
                    .isEqualTo(expected);
        }
    }

    /** Returns a weekday list (or nothing), allowing ISO weekday numbers, 1 = Monday .. 7. */
    private Part weekdays() {
        switch (random.nextInt(4)) {
            case 0:
                int a = random.nextInt(7);
                int b = a + random.nextInt(7 - a);
                return new Part(WEEKDAYS[a] + ".." + WEEKDAYS[b], v -> v >= a + 1 && v <= b + 1);
            case 1:
                int c = random.nextInt(7);
                int d = random.nextInt(7);
                return new Part(WEEKDAYS[c] + "," + WEEKDAYS[d], v -> v == c + 1 || v == d + 1);
            default:
                return new Part("", v -> true);
        }
    }

    private Part part(int min, int max) {
        switch (random.nextInt(6)) {
            case 0:
                return new Part("*", v -> true);
            case 1:
                Part x = simple(min, max);
                Part y = simple(min, max);
                return new Part(x.text + "," + y.text, v -> x.allows.test(v) || y.allows.test(v));
            default:
                return simple(min, max);
        }
    }

    private Part simple(int min, int max) {
        int a = min + random.nextInt(max - min + 1);
        int b = a + random.nextInt(max - a + 1);
        int step = 1 + random.nextInt(6);
        switch (random.nextInt(4)) {
            case 0:
                return new Part(Integer.toString(a), v -> v == a);
            case 1:
                return new Part(a + ".." + b, v -> v >= a && v <= b);
            case 2:
                return new Part(a + "/" + step, v -> v >= a && (v - a) % step == 0);
            default:
                return new Part(
                        a + ".." + b + "/" + step, v -> v >= a && v <= b && (v - a) % step == 0);
        }
    }

    /** Returns a day counted from the end of the month (1 = last day), after a "~". */
    private Part fromEnd() {
        int a = 1 + random.nextInt(10);
        int step = 1 + random.nextInt(3);
        return random.nextBoolean()
                ? new Part(Integer.toString(a), v -> v == a)
                : new Part(a + "/" + step, v -> v <= a && (a - v) % step == 0);
    }
}
