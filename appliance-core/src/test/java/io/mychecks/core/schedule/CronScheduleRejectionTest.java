package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cron expressions that schedules.md rejects, each with a message that says why. */
class CronScheduleRejectionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            * * * *          | exactly 5 fields
            61 * * * *       | 61 not in range
            * * 31 2 *       | never fires
            0 0 * * MON#6    | #6 is out of range
            * * * * * *      | exactly 5 fields
            ''               | empty
            '   '            | empty
            @daily           | @daily are not supported
            @reboot          | not supported
            0 0 1W * *       | nW
            0 0 L-3 * *      | L-n
            0 0 ? * *        | '?'
            0 0 * * ?        | '?'
            0 0 * * Funday   | unknown name 'FUNDAY'
            0 0 * * MONDAY   | unknown name 'MONDAY'
            0 0 * FOO *      | unknown name 'FOO'
            0 0 * JAN1 *     | invalid cron expression
            0 0 * * 1#0      | #0 is out of range
            0 0 * * L        | L needs a weekday
            0 0 15L * *      | day of month
            5/10 * * * *     | a step needs * or a range
            0 0 10-2 * *     | invalid cron expression
            0 24 * * *       | 24 not in range
            0 0 0 * *        | 0 not in range
            0 0 * 13 *       | 13 not in range
            0 0 * * 8        | 8 not in range
            */0 * * * *      | invalid cron expression
            0 0 30 2 *       | never fires
            0 0 31 4,6,9,11 * | never fires
            0 0 * * 1#       | invalid cron expression
            50-70/100 * * * * | 70 not in range
            30-10/100 * * * * | invalid cron expression
            */9999999999 * * * * | invalid cron expression
            5/100 * * * *    | invalid cron expression
            """)
    void rejectsWithAMessageSayingWhy(String expression, String reason) {
        assertThatThrownBy(() -> CronSchedule.parse(expression, UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0 0 31 2 1", "0 0 * 2 1#5", "0 0 L 2 *"})
    void acceptsRareOrPartlyImpossibleDaysThatStillFireSometimes(String expression) {
        // Both day fields restricted: OR, so Mondays in February fire even if the 31st never does.
        // A fifth Monday in February needs a leap year starting on a Monday (2016, 2044).
        assertThatCode(() -> CronSchedule.parse(expression, UTC)).doesNotThrowAnyException();
    }

    @Test
    void rejectsANullExpression() {
        assertThatThrownBy(() -> CronSchedule.parse(null, UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("schedule is empty");
    }

    @Test
    void rejectsDayOfMonthAndDayOfWeekThatCanNeverMeet() {
        // Day of week starts with *, so both must match: the 30th of February never comes.
        assertThatThrownBy(() -> CronSchedule.parse("0 0 30 2 */2", UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("never fires");
    }
}
