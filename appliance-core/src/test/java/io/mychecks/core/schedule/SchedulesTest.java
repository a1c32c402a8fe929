package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing by kind, the API's kind guess, and the cache used on the ping path. */
class SchedulesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @AfterEach
    void emptyTheCache() {
        Schedules.clearCache();
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            */15 * * * *             | cron
            '  0 9 * * 1-5  '        | cron
            0	9 * *  1-5             | cron
            * * * *                  | oncalendar
            * * * * * *              | oncalendar
            Mon..Fri *-*-* 09:00     | oncalendar
            daily                    | oncalendar
            ''                       | oncalendar
            """)
    void guessesCronOnlyForFiveFieldsOnOneLine(String expression, String kind) {
        assertThat(Schedules.guessKind(expression)).isEqualTo(kind);
    }

    @Test
    void guessesOnCalendarForSeveralLinesEvenWithFiveFieldsInAll() {
        assertThat(Schedules.guessKind("12:00\nSat 15:00 UTC")).isEqualTo("oncalendar");
        assertThat(Schedules.guessKind("0 9 * *\n*")).isEqualTo("oncalendar");
        assertThat(Schedules.guessKind(null)).isEqualTo("oncalendar");
    }

    @Test
    void parsesEachKindWithItsOwnClass() throws InvalidScheduleException {
        assertThat(Schedules.parse("cron", "0 9 * * *", UTC)).isInstanceOf(CronSchedule.class);
        assertThat(Schedules.parse("oncalendar", "daily", UTC))
                .isInstanceOf(OnCalendarSchedule.class);
    }

    @Test
    void rejectsAnUnknownKind() {
        assertThatThrownBy(() -> Schedules.parse("simple", "0 9 * * *", UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("unknown schedule kind 'simple'");
        assertThatThrownBy(() -> Schedules.parse(null, "0 9 * * *", UTC))
                .isInstanceOf(InvalidScheduleException.class);
    }

    @Test
    void parsesAsTheGuessedKind() throws InvalidScheduleException {
        assertThat(Schedules.parseGuessing("0 9 * * 1-5", UTC)).isInstanceOf(CronSchedule.class);
        assertThat(Schedules.parseGuessing("Mon..Fri 09:00", UTC))
                .isInstanceOf(OnCalendarSchedule.class);
        assertThat(FireTimes.after(Schedules.parseGuessing("0 9 * * 1-5", UTC), FireTimes.BASE, 1))
                .containsExactly("2026-03-30 09:00");
    }

    @Test
    void rejectsAnExpressionThatIsNeitherKind() {
        assertThatThrownBy(() -> Schedules.parseGuessing("61 * * * *", UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("61");
        assertThatThrownBy(() -> Schedules.parseGuessing("every day", UTC))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("unknown time zone 'day'");
        assertThatThrownBy(() -> Schedules.parseGuessing("@daily", UTC))
                .isInstanceOf(InvalidScheduleException.class);
    }

    @Test
    void cachedReturnsTheSameScheduleForTheSameInput() throws Exception {
        Schedule first = Schedules.cached("cron", "0 9 * * *", "Europe/Riga");

        assertThat(Schedules.cached("cron", "0 9 * * *", "Europe/Riga")).isSameAs(first);
        assertThat(Schedules.cached("cron", "0 9 * * *", "UTC")).isNotSameAs(first);
        assertThat(Schedules.cached("cron", "0 10 * * *", "Europe/Riga")).isNotSameAs(first);
        assertThat(((CronSchedule) first).zone()).isEqualTo(ZoneId.of("Europe/Riga"));
    }

    @Test
    void cachedFailsLoudlyOnDataThatWasNeverValid() {
        assertThatThrownBy(() -> Schedules.cached("cron", "61 * * * *", "UTC"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("61");
        assertThatThrownBy(() -> Schedules.cached("cron", "0 9 * * *", "Mars/Base"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("Mars/Base");
        assertThat(Schedules.cacheSize()).isZero();
    }

    @Test
    void cachedStaysBoundedWhenManyDistinctSchedulesAreAskedFor() throws Exception {
        for (int i = 0; i < Schedules.CACHE_LIMIT + 500; i++) {
            String expression = (i % 60) + " " + (i / 60 % 24) + " " + (1 + i / 1440) + " * *";
            Schedules.cached("cron", expression, "UTC");
        }

        assertThat(Schedules.cacheSize()).isLessThanOrEqualTo(Schedules.CACHE_LIMIT);
    }

    @Test
    void cachedGivesEveryThreadAWorkingSchedule() {
        Set<Schedule> seen = ConcurrentHashMap.newKeySet();
        List<String> expressions =
                List.of("*/5 * * * *", "hourly", "0 0 L * *", "Mon *-*-1..7 06:00");

        IntStream.range(0, 4_000)
                .parallel()
                .forEach(
                        i -> {
                            String expression = expressions.get(i % expressions.size());
                            Schedule schedule;
                            try {
                                schedule =
                                        Schedules.cached(
                                                Schedules.guessKind(expression),
                                                expression,
                                                "Europe/London");
                            } catch (InvalidScheduleException e) {
                                throw new AssertionError(e);
                            }
                            assertThat(schedule.nextAfter(FireTimes.BASE)).isPresent();
                            seen.add(schedule);
                        });

        assertThat(seen).hasSizeBetween(expressions.size(), expressions.size() * 4);
    }
}
