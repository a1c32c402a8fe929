package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OnCalendar expressions that schedules.md rejects, each with a message that says why. */
class OnCalendarScheduleRejectionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Mon, 123:456             | hour: 123 is out of range
            *-13-01                  | month: 13 is out of range
            Funday 10:00             | unknown weekday 'Funday'
            10:00 Mars/Base          | unknown time zone 'Mars/Base'
            ''                       | schedule is empty
            '  '                     | schedule is empty
            10:00 +02:00             | unexpected '+02:00'
            10:00 utc                | unknown time zone 'utc'
            05:40:23.42              | fractional seconds are not supported
            Sun..Mon                 | must run forwards
            Mon..                    | unknown weekday ''
            Mon,,Tue                 | unknown weekday ''
            1-2-3-4                  | cannot read the date
            12                       | cannot read the date
            *-*~1~2                  | cannot read the date
            10:00:00:00              | cannot read the time
            10                       | cannot read the date
            @daily                   | cannot read the date
            daily 10:00              | unknown weekday 'daily'
            10000-01-01              | cannot read '10000'
            1969-01-01               | year: 1969 is out of range
            *-*-32                   | day: 32 is out of range
            *-*-0                    | day: 0 is out of range
            24:00                    | hour: 24 is out of range
            *:60                     | minute: 60 is out of range
            *:*:60                   | second: 60 is out of range
            *-*-5..1                 | goes backwards
            *:0/0                    | repetition must be at least 1
            *-*-1,                   | missing value
            *-*-*/                   | cannot read
            10:00 10:00              | unexpected '10:00'
            10:00 *-*-*              | unexpected '*-*-*'
            *-*-* *-*-*              | unexpected '*-*-*'
            Mon Tue 10:00            | cannot read the date 'Tue'
            *-*-* 10:00 UTC Europe/Riga | unexpected 'UTC'
            """)
    void rejectsWithAMessageSayingWhy(String expression, String reason) {
        assertThatThrownBy(() -> OnCalendarSchedule.parse(expression, UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsANullExpression() {
        assertThatThrownBy(() -> OnCalendarSchedule.parse(null, UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("schedule is empty");
    }

    @Test
    void rejectsTheWholeScheduleWhenOneLineIsInvalid() {
        assertThatThrownBy(() -> OnCalendarSchedule.parse("daily\nFunday 10:00", UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("Funday");
    }
}
