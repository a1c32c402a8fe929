package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Random and hostile input is rejected with {@link InvalidScheduleException} only, never another
 * exception, and neither parsing nor evaluating hangs.
 */
class GarbageInputTest {

    private static final String ALPHABET = "0123456789*,-/#~.:LW?@ MONFRIDAYSUJ\n\t-/..~";
    private static final List<String> PIECES =
            List.of(
                    "*",
                    "*/",
                    "/",
                    ",",
                    "-",
                    "..",
                    "~",
                    ":",
                    "#",
                    "L",
                    "LW",
                    "W",
                    "?",
                    "@",
                    " ",
                    "\n",
                    "0",
                    "1",
                    "5",
                    "7",
                    "12",
                    "31",
                    "59",
                    "60",
                    "99",
                    "2199",
                    "2200",
                    "99999999999",
                    "Mon",
                    "sun",
                    "Funday",
                    "daily",
                    "UTC",
                    "Europe/Riga",
                    "Mars/Base",
                    "+02:00",
                    "\u00e9",
                    "\u0000",
                    "１");
    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    private static final Instant[] PROBES = {
        Instant.MIN,
        Instant.EPOCH,
        FireTimes.BASE,
        Instant.parse("2199-12-31T23:59:59Z"),
        Instant.parse("9999-12-31T23:59:59Z"),
        Instant.MAX
    };

    private final Random random = new Random(42);

    @Test
    void randomCharactersAreRejectedCleanlyOrAccepted() {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            inputs.add(text.toString());
        }
        inputs.forEach(this::parsesOrRejectsCleanly);
    }

    @Test
    void randomTokenSoupIsRejectedCleanlyOrAccepted() {
        for (int i = 0; i < 600; i++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int j = 0; j < count; j++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            parsesOrRejectsCleanly(text.toString());
        }
    }

    @Test
    void randomFiveFieldCronSoupIsRejectedCleanlyOrAccepted() {
        for (int i = 0; i < 600; i++) {
            List<String> fields = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                StringBuilder field = new StringBuilder();
                int count = 1 + random.nextInt(4);
                for (int j = 0; j < count; j++) {
                    String piece = PIECES.get(random.nextInt(PIECES.size())).strip();
                    field.append(piece.isEmpty() ? "*" : piece);
                }
                fields.add(field.toString());
            }
            parsesOrRejectsCleanly(String.join(" ", fields));
        }
    }

    @Test
    void acceptedSchedulesAnswerForAnyInstant() throws InvalidScheduleException {
        for (String expression :
                List.of(
                        "* * * * *",
                        "0 0 29 2 1#5",
                        "30 * * * *",
                        "daily",
                        "2199-12-31 23:59:59",
                        "1970-01-01",
                        "*-02-30",
                        "Mon *-*~1 *:*:*")) {
            Schedule schedule = Schedules.parseGuessing(expression, RIGA);
            for (Instant probe : PROBES) {
                assertThatCode(() -> schedule.nextAfter(probe))
                        .as(expression + " after " + probe)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void anOnCalendarScheduleWithNoFutureFireTimeAnswersQuickly() throws InvalidScheduleException {
        // 30 February never comes: the search must give up at 2199, not loop.
        OnCalendarSchedule schedule = OnCalendarSchedule.parse("*-02-30 *:*:*", RIGA);

        Executable search = () -> assertThat(schedule.nextAfter(Instant.EPOCH)).isEmpty();

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), search);
    }

    private void parsesOrRejectsCleanly(String input) {
        Executable both =
                () -> {
                    for (String kind : List.of("cron", "oncalendar")) {
                        try {
                            Schedule schedule = Schedules.parse(kind, input, RIGA);
                            schedule.nextAfter(FireTimes.BASE);
                        } catch (InvalidScheduleException expected) {
                            assertThat(expected.getMessage()).isNotBlank();
                        }
                    }
                    assertThat(Schedules.guessKind(input)).isIn("cron", "oncalendar");
                };
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(2), both, () -> "input: [" + input + "]");
    }
}
