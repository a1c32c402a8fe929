package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cron example table of schedules.md, and the day-of-month/day-of-week rule around it. */
class CronScheduleExamplesTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            */15 * * * *    | UTC              | 2026-03-27 10:30, 2026-03-27 10:45, 2026-03-27 11:00
            0 9 * * 1-5     | UTC              | 2026-03-30 09:00, 2026-03-31 09:00, 2026-04-01 09:00
            30 2 * * *      | Europe/Riga      | 2026-03-28 00:30, 2026-03-29 00:30, 2026-03-29 23:30
            0 0 1 * *       | UTC              | 2026-04-01 00:00, 2026-05-01 00:00, 2026-06-01 00:00
            0 12 L * *      | UTC              | 2026-03-31 12:00, 2026-04-30 12:00, 2026-05-31 12:00
            0 12 LW * *     | UTC              | 2026-03-31 12:00, 2026-04-30 12:00, 2026-05-29 12:00
            0 6 * * MON#2   | UTC              | 2026-04-13 06:00, 2026-05-11 06:00, 2026-06-08 06:00
            0 0 13 * 5      | UTC              | 2026-04-03 00:00, 2026-04-10 00:00, 2026-04-13 00:00
            0 0 */2 * 5     | UTC              | 2026-04-03 00:00, 2026-04-17 00:00, 2026-05-01 00:00
            0 0 13 * *      | America/New_York | 2026-04-13 04:00, 2026-05-13 04:00, 2026-06-13 04:00
            30 2 * * *      | America/New_York | 2026-03-28 06:30, 2026-03-29 06:30, 2026-03-30 06:30
            0 0 29 2 *      | UTC              | 2028-02-29 00:00, 2032-02-29 00:00, 2036-02-29 00:00
            5 4 * * sun     | Asia/Kolkata     | 2026-03-28 22:35, 2026-04-04 22:35, 2026-04-11 22:35
            0 22 * * 1-5/2  | UTC              | 2026-03-27 22:00, 2026-03-30 22:00, 2026-04-01 22:00
            0 0 * * 7       | UTC              | 2026-03-29 00:00, 2026-04-05 00:00, 2026-04-12 00:00
            """)
    void firesAtTheTimesInTheReferenceTable(String expression, String zone, String expected)
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse(expression, ZoneId.of(zone));

        assertThat(FireTimes.after(schedule, FireTimes.BASE, 3))
                .isEqualTo(FireTimes.cell(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            0 0 1-31 * 5     | 2026-03-27 00:00, 2026-03-28 00:00, 2026-03-29 00:00
            0 0 * * 0-7      | 2026-03-27 00:00, 2026-03-28 00:00, 2026-03-29 00:00
            0 0 */1 * 5      | 2026-03-27 00:00, 2026-04-03 00:00, 2026-04-10 00:00
            0 0 13 * */7     | 2026-09-13 00:00, 2026-12-13 00:00, 2027-06-13 00:00
            0 0 L * 1        | 2026-03-30 00:00, 2026-03-31 00:00, 2026-04-06 00:00
            0 0 1 * 5L       | 2026-03-27 00:00, 2026-04-01 00:00, 2026-04-24 00:00
            """)
    void combinesDayOfMonthAndDayOfWeekByDebianRule(String expression, String expected)
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse(expression, ZoneId.of("UTC"));

        assertThat(FireTimes.after(schedule, "2026-03-26 12:00", 3))
                .isEqualTo(FireTimes.cell(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            0 0 * JAN-mar,Dec *    | 2026-12-01 00:00, 2026-12-02 00:00, 2026-12-03 00:00
            0 0 * * FRIL           | 2026-04-24 00:00, 2026-05-29 00:00, 2026-06-26 00:00
            0 0 * * sat,SUN        | 2026-04-04 00:00, 2026-04-05 00:00, 2026-04-11 00:00
            0 0 * * SUN-SAT/3      | 2026-04-01 00:00, 2026-04-04 00:00, 2026-04-05 00:00
            0 0 * * 0#5            | 2026-05-31 00:00, 2026-08-30 00:00, 2026-11-29 00:00
            0 0 * * 1,3#1          | 2026-04-01 00:00, 2026-04-06 00:00, 2026-04-13 00:00
            0 0 LW,1 * *           | 2026-04-01 00:00, 2026-04-30 00:00, 2026-05-01 00:00
            5,10-12 */6 * * *      | 2026-03-31 06:05, 2026-03-31 06:10, 2026-03-31 06:11
            0 0 31 1-12/2 *        | 2026-05-31 00:00, 2026-07-31 00:00, 2027-01-31 00:00
            """)
    void readsNamesListsRangesAndSteps(String expression, String expected)
            throws InvalidScheduleException {
        CronSchedule schedule = CronSchedule.parse(expression, ZoneId.of("UTC"));

        assertThat(FireTimes.after(schedule, "2026-03-31 06:00", 3))
                .isEqualTo(FireTimes.cell(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            */100 * * * *    | 2026-03-27 11:00, 2026-03-27 12:00, 2026-03-27 13:00
            10-20/100 * * * * | 2026-03-27 11:10, 2026-03-27 12:10, 2026-03-27 13:10
            0 */30 * * *     | 2026-03-28 00:00, 2026-03-29 00:00, 2026-03-30 00:00
            0 0 */40 * *     | 2026-04-01 00:00, 2026-05-01 00:00, 2026-06-01 00:00
            0 0 1 */13 *     | 2027-01-01 00:00, 2028-01-01 00:00, 2029-01-01 00:00
            0 0 * * */8      | 2026-03-29 00:00, 2026-04-05 00:00, 2026-04-12 00:00
            """)
    void acceptsStepsLargerThanTheFieldsRangeAsCronsimDoes(String expression, String expected)
            throws InvalidScheduleException {
        // A step past the end of the range leaves only the range's first value.
        CronSchedule schedule = CronSchedule.parse(expression, ZoneId.of("UTC"));

        assertThat(FireTimes.after(schedule, FireTimes.BASE, 3))
                .isEqualTo(FireTimes.cell(expected));
    }
}
