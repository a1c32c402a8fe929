package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OnCalendar example table of schedules.md, and its daylight-saving rules. */
class OnCalendarScheduleExamplesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Mon..Fri *-*-* 09:00     | UTC              | 2026-03-30 09:00, 2026-03-31 09:00, 2026-04-01 09:00
            daily                    | UTC              | 2026-03-28 00:00, 2026-03-29 00:00, 2026-03-30 00:00
            hourly                   | Europe/Riga      | 2026-03-27 11:00, 2026-03-27 12:00, 2026-03-27 13:00
            *-*-01 00:00:00          | UTC              | 2026-04-01 00:00, 2026-05-01 00:00, 2026-06-01 00:00
            *-02~01                  | UTC              | 2027-02-28 00:00, 2028-02-29 00:00, 2029-02-28 00:00
            Sat,Sun 10:00            | UTC              | 2026-03-28 10:00, 2026-03-29 10:00, 2026-04-04 10:00
            *:0/15                   | UTC              | 2026-03-27 10:30, 2026-03-27 10:45, 2026-03-27 11:00
            *-*-* 02:30 Europe/Riga  | UTC              | 2026-03-28 00:30, 2026-03-29 00:30, 2026-03-29 23:30
            quarterly                | UTC              | 2026-04-01 00:00, 2026-07-01 00:00, 2026-10-01 00:00
            2027-*-* 12:00           | UTC              | 2027-01-01 12:00, 2027-01-02 12:00, 2027-01-03 12:00
            Mon *-*-1..7 06:00       | UTC              | 2026-04-06 06:00, 2026-05-04 06:00, 2026-06-01 06:00
            weekly                   | UTC              | 2026-03-30 00:00, 2026-04-06 00:00, 2026-04-13 00:00
            *-*-* 8..18/2:00         | UTC              | 2026-03-27 12:00, 2026-03-27 14:00, 2026-03-27 16:00
            12:00 ⏎ Sat 15:00        | UTC              | 2026-03-27 12:00, 2026-03-28 12:00, 2026-03-28 15:00
            *-*-* 02:30              | America/New_York | 2026-03-28 06:30, 2026-03-29 06:30, 2026-03-30 06:30
            """)
    void firesAtTheTimesInTheReferenceTable(String expression, String zone, String expected)
            throws InvalidScheduleException {
        // The table writes a line break as ⏎.
        OnCalendarSchedule schedule =
                OnCalendarSchedule.parse(expression.replace(" ⏎ ", "\n"), ZoneId.of(zone));

        assertThat(FireTimes.after(schedule, FireTimes.BASE, 3))
                .isEqualTo(FireTimes.cell(expected));
    }

    @Test
    void skipsATimeThatTheSpringGapSkips() throws InvalidScheduleException {
        // Europe/London skips 01:00-02:00 on 2026-03-29; unlike cron, nothing fires that day.
        OnCalendarSchedule schedule = OnCalendarSchedule.parse("*-*-* 01:30", LONDON);

        assertThat(FireTimes.after(schedule, "2026-03-28 12:00", 2))
                .containsExactly("2026-03-30 00:30", "2026-03-31 00:30");
    }

    @Test
    void skipsTheGapButKeepsTheRestOfTheDay() throws InvalidScheduleException {
        OnCalendarSchedule schedule = OnCalendarSchedule.parse("*:30", LONDON);

        // 00:30 GMT, then 02:30 BST: the wall-clock 01:30 does not exist.
        assertThat(FireTimes.after(schedule, "2026-03-29 00:00", 2))
                .containsExactly("2026-03-29 00:30", "2026-03-29 01:30");
    }

    @Test
    void firesOnceInARepeatedHourAtTheFirstOccurrence() throws InvalidScheduleException {
        OnCalendarSchedule schedule = OnCalendarSchedule.parse("hourly", LONDON);

        // 01:00 BST (00:00 UTC) fires; the second 01:00, in GMT, does not; then 02:00 GMT.
        assertThat(FireTimes.after(schedule, "2026-10-24 23:30", 2))
                .containsExactly("2026-10-25 00:00", "2026-10-25 02:00");
    }

    @Test
    void searchedFromTheSecondOccurrenceWaitsUntilAfterTheRepeatedHour()
            throws InvalidScheduleException {
        OnCalendarSchedule schedule = OnCalendarSchedule.parse("*:0/20", LONDON);

        // 01:10 UTC is the second 01:10 (GMT); 01:20 and 01:40 already fired in BST.
        assertThat(FireTimes.after(schedule, "2026-10-25 01:10", 2))
                .containsExactly("2026-10-25 02:00", "2026-10-25 02:20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            minutely                  | 2026-03-27 10:18, 2026-03-27 10:19, 2026-03-27 10:20
            monthly                   | 2026-04-01 00:00, 2026-05-01 00:00, 2026-06-01 00:00
            semiannually              | 2026-07-01 00:00, 2027-01-01 00:00, 2027-07-01 00:00
            yearly                    | 2027-01-01 00:00, 2028-01-01 00:00, 2029-01-01 00:00
            Annually                  | 2027-01-01 00:00, 2028-01-01 00:00, 2029-01-01 00:00
            daily Asia/Kolkata        | 2026-03-27 18:30, 2026-03-28 18:30, 2026-03-29 18:30
            Mon *-05~07/1             | 2026-05-25 00:00, 2027-05-31 00:00, 2028-05-29 00:00
            *-*~03                    | 2026-03-29 00:00, 2026-04-28 00:00, 2026-05-29 00:00
            Wed, 17:48                | 2026-04-01 17:48, 2026-04-08 17:48, 2026-04-15 17:48
            monday,FRIDAY 07:00       | 2026-03-30 07:00, 2026-04-03 07:00, 2026-04-06 07:00
            Sat..Sun,Wed 9:5          | 2026-03-28 09:05, 2026-03-29 09:05, 2026-04-01 09:05
            mon,fri *-1/2-1,3 *:30:45 | 2026-05-01 00:30:45, 2026-05-01 01:30:45, 2026-05-01 02:30:45
            26-04-01 10:00            | 2026-04-01 10:00
            04-01                     | 2026-04-01 00:00, 2027-04-01 00:00, 2028-04-01 00:00
            *-*-* 10:17:10,20         | 2026-03-27 10:17:10, 2026-03-27 10:17:20, 2026-03-28 10:17:10
            2026..2028-02-29          | 2028-02-29 00:00
            """)
    void readsTheSyntaxOfSystemdTime(String expression, String expected)
            throws InvalidScheduleException {
        OnCalendarSchedule schedule = OnCalendarSchedule.parse(expression, ZoneId.of("UTC"));

        assertThat(FireTimes.after(schedule, FireTimes.BASE, 3))
                .isEqualTo(FireTimes.cell(expected));
    }

    @Test
    void aLineWithItsOwnZoneOverridesTheDefaultOnlyForThatLine() throws InvalidScheduleException {
        OnCalendarSchedule schedule =
                OnCalendarSchedule.parse(
                        "*-*-* 09:00 America/New_York\n*-*-* 09:00", ZoneId.of("Asia/Tokyo"));

        assertThat(FireTimes.after(schedule, "2026-03-27 12:00", 3))
                .containsExactly("2026-03-27 13:00", "2026-03-28 00:00", "2026-03-28 13:00");
    }

    @Test
    void acceptsButNeverFiresWithoutAFireTimeBefore2200() throws InvalidScheduleException {
        OnCalendarSchedule past = OnCalendarSchedule.parse("2020-01-01", ZoneId.of("UTC"));
        OnCalendarSchedule future =
                OnCalendarSchedule.parse("2200..2300-*-* 12:00", ZoneId.of("UTC"));
        OnCalendarSchedule last = OnCalendarSchedule.parse("2199-12-31 23:59:59", ZoneId.of("UTC"));

        assertThat(past.nextAfter(FireTimes.BASE)).isEmpty();
        assertThat(future.nextAfter(FireTimes.BASE)).isEmpty();
        assertThat(FireTimes.after(last, FireTimes.BASE, 2)).containsExactly("2199-12-31 23:59:59");
    }
}
