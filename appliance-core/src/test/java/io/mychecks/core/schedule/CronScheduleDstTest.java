package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Daylight-saving changes, as schedules.md says Debian cron handles them: fixed-hour expressions
 * shift out of the spring gap and fire once in a repeated hour; {@code *} or a step in the hour
 * field follows elapsed time.
 */
class CronScheduleDstTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void fixedHourInTheSpringGapFiresAtTheEndOfTheGap() throws InvalidScheduleException {
        // Europe/London skips 01:00-02:00 on 2026-03-29: 01:30 GMT never happens.
        CronSchedule schedule = CronSchedule.parse("30 1 * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-03-28 12:00", 3))
                .containsExactly("2026-03-29 01:00", "2026-03-30 00:30", "2026-03-31 00:30");
    }

    @Test
    void fixedHourRepeatedInAutumnFiresOnceAtTheFirstOccurrence() throws InvalidScheduleException {
        // Europe/London has 01:00-02:00 twice on 2026-10-25: BST (00:xx UTC), then GMT (01:xx UTC).
        CronSchedule schedule = CronSchedule.parse("30 1 * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-10-24 12:00", 3))
                .containsExactly("2026-10-25 00:30", "2026-10-26 01:30", "2026-10-27 01:30");
    }

    @Test
    void starHourFiresInBothOccurrencesOfTheRepeatedHour() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("30 * * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-10-24 23:00", 4))
                .containsExactly(
                        "2026-10-24 23:30",
                        "2026-10-25 00:30",
                        "2026-10-25 01:30",
                        "2026-10-25 02:30");
    }

    @Test
    void starHourSkipsTheWallClockTimesOfTheSpringGap() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("30 * * * *", LONDON);

        // 00:30 GMT, then 02:30 BST (01:30 UTC): one hour of elapsed time, not shifted.
        assertThat(FireTimes.after(schedule, "2026-03-28 23:00", 4))
                .containsExactly(
                        "2026-03-28 23:30",
                        "2026-03-29 00:30",
                        "2026-03-29 01:30",
                        "2026-03-29 02:30");
    }

    @Test
    void steppedHourFollowsElapsedTimeToo() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("30 0-23/1 * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-10-25 00:00", 2))
                .containsExactly("2026-10-25 00:30", "2026-10-25 01:30");
    }

    @Test
    void severalTimesInTheSpringGapFireOnlyOnce() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("0,30 1 * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-03-29 00:00", 3))
                .containsExactly("2026-03-29 01:00", "2026-03-30 00:00", "2026-03-30 00:30");
    }

    @Test
    void everyMinuteOfAFixedHourInTheGapCollapsesToTheEndOfTheGap()
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("* 1 * * *", LONDON);

        assertThat(FireTimes.after(schedule, "2026-03-29 00:00", 3))
                .containsExactly("2026-03-29 01:00", "2026-03-30 00:00", "2026-03-30 00:01");
    }

    @Test
    void fixedHourSearchedFromTheSecondOccurrenceWaitsForTheNextDay()
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("45 1 * * *", LONDON);

        // 01:10 UTC is 01:10 GMT, the second 01:10; 01:45 already fired at 00:45 UTC.
        assertThat(FireTimes.after(schedule, "2026-10-25 01:10", 1))
                .containsExactly("2026-10-26 01:45");
    }

    @Test
    void fixedHourSearchedFromTheFirstOccurrenceSkipsTheSecond() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("15 1 * * *", LONDON);

        // 00:20 UTC is 01:20 BST: 01:15 has fired, and its second occurrence does not count.
        assertThat(FireTimes.after(schedule, "2026-10-25 00:20", 1))
                .containsExactly("2026-10-26 01:15");
    }

    @ParameterizedTest(name = "{0} in {1} after {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            30 2 * * *  | America/New_York | 2026-03-07 12:00 | 2026-03-08 07:00, 2026-03-09 06:30
            30 1 * * *  | America/New_York | 2026-10-31 12:00 | 2026-11-01 05:30, 2026-11-02 06:30
            30 3 * * *  | Europe/Riga      | 2026-03-28 12:00 | 2026-03-29 01:00, 2026-03-30 00:30
            30 3 * * *  | Europe/Riga      | 2026-10-24 12:00 | 2026-10-25 00:30, 2026-10-26 01:30
            30 * * * *  | Europe/Riga      | 2026-10-25 00:00 | 2026-10-25 00:30, 2026-10-25 01:30
            """)
    void appliesTheSameRulesInOtherZones(
            String expression, String zone, String from, String expected)
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse(expression, ZoneId.of(zone));

        assertThat(FireTimes.after(schedule, from, 2)).isEqualTo(FireTimes.cell(expected));
    }

    @Test
    void fixedOffsetZonesNeedNoShifting() throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse("30 1 * * *", ZoneId.of("Etc/GMT-2"));

        assertThat(FireTimes.after(schedule, "2026-03-29 00:00", 2))
                .containsExactly("2026-03-29 23:30", "2026-03-30 23:30");
    }
}
