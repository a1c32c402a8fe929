package io.mychecks.core.checks;

import static io.mychecks.core.testing.PureChecks.NOW;
import static io.mychecks.core.testing.PureChecks.check;
import static io.mychecks.core.testing.PureChecks.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The check state machine of spec §4.1, at a fixed moment and with no database. */
class StatusCalculatorTest {
    /** Period one day, grace one hour (the defaults). */
    static final long PERIOD = 86400;

    static final long GRACE = 3600;

    @Nested
    class SimpleChecks {
        @ParameterizedTest(name = "{0} s after the last ping: {1}")
        @CsvSource({
            "0, UP",
            "86399, UP",
            "86400, GRACE", // the period is over: late from this second on
            "89999, GRACE",
            "90000, DOWN", // period plus grace
            "900000, DOWN"
        })
        void upIsLateAfterThePeriodAndDownAfterPeriodPlusGrace(long since, CheckStatus expected) {
            Check c = check(state(CheckStatus.UP, NOW.minusSeconds(since)));
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(expected);
            assertThat(StatusCalculator.status(c, NOW, true)).isEqualTo(expected);
        }

        @Test
        void theGraceStartIsTheLastPingPlusThePeriodAndGoingDownAddsGrace() {
            Instant last = NOW.minusSeconds(600);
            Check c = check(b -> b.timeout = 300, state(CheckStatus.UP, last));
            assertThat(StatusCalculator.graceStart(c, true)).contains(last.plusSeconds(300));
            assertThat(StatusCalculator.goingDownAfter(c)).isEqualTo(last.plusSeconds(300 + GRACE));
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(CheckStatus.GRACE);
        }

        @ParameterizedTest
        @EnumSource(
                value = CheckStatus.class,
                names = {"NEW", "PAUSED", "DOWN"})
        void aStoredNewPausedOrDownStatusStandsAndExpectsNothing(CheckStatus stored) {
            // even with a last ping far in the past
            Check c = check(state(stored, NOW.minus(Duration.ofDays(10))));
            assertThat(StatusCalculator.status(c, NOW, true)).isEqualTo(stored);
            assertThat(StatusCalculator.graceStart(c, true)).isEmpty();
            assertThat(StatusCalculator.goingDownAfter(c)).isNull();
        }
    }

    @Nested
    class Runs {
        @Test
        void aRunYoungerThanGraceIsStartedOnlyWhenAskedFor() {
            Check c =
                    check(
                            state(CheckStatus.UP, NOW.minusSeconds(60))
                                    .withLastStart(NOW.minusSeconds(GRACE - 1), null));
            assertThat(StatusCalculator.status(c, NOW, true)).isEqualTo(CheckStatus.STARTED);
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(CheckStatus.UP);
        }

        @ParameterizedTest
        @EnumSource(
                value = CheckStatus.class,
                names = {"NEW", "UP", "PAUSED"})
        void aStartWithoutSuccessGoesDownAfterGraceWhateverTheStatus(CheckStatus stored) {
            Instant start = NOW.minusSeconds(GRACE);
            Check c = check(CheckStateFor.started(stored, start));
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(CheckStatus.DOWN);
            assertThat(StatusCalculator.status(c, NOW, true)).isEqualTo(CheckStatus.DOWN);
            assertThat(StatusCalculator.status(c, NOW.minusSeconds(1), true))
                    .isEqualTo(CheckStatus.STARTED);
            assertThat(StatusCalculator.goingDownAfter(c)).isEqualTo(start.plusSeconds(GRACE));
        }

        @Test
        void theRunMustFinishWithinGraceEvenWhenThePeriodIsLonger() {
            Instant start = NOW.minusSeconds(60);
            Check c =
                    check(state(CheckStatus.UP, NOW.minusSeconds(120)).withLastStart(start, null));
            assertThat(StatusCalculator.graceStart(c, true)).contains(start);
            assertThat(StatusCalculator.graceStart(c, false))
                    .contains(NOW.plusSeconds(PERIOD - 120));
            assertThat(StatusCalculator.goingDownAfter(c)).isEqualTo(start.plusSeconds(GRACE));
        }

        @Test
        void aRunStartedAfterThePingWasExpectedDoesNotMoveTheGraceStartLater() {
            Instant last = NOW.minusSeconds(PERIOD + 60);
            Instant start = NOW.minusSeconds(30);
            Check c = check(state(CheckStatus.UP, last).withLastStart(start, null));
            assertThat(StatusCalculator.graceStart(c, true)).contains(last.plusSeconds(PERIOD));
        }

        @Test
        void aDownCheckWithARunExpectsNothingButShowsTheRunUntilGraceEnds() {
            Check c =
                    check(
                            state(CheckStatus.DOWN, NOW.minus(Duration.ofDays(3)))
                                    .withLastStart(NOW.minusSeconds(60), null));
            assertThat(StatusCalculator.graceStart(c, true)).isEmpty();
            assertThat(StatusCalculator.goingDownAfter(c)).isNull();
            assertThat(StatusCalculator.status(c, NOW, true)).isEqualTo(CheckStatus.STARTED);
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(CheckStatus.DOWN);
        }
    }

    @Nested
    class Schedules {
        @ParameterizedTest(name = "{0} {1}, last ping {2}: late from {3}")
        @CsvSource({
            "cron, 0 12 * * *, 2026-03-01T11:59:00Z, 2026-03-01T12:00:00Z",
            // pinging early moves the expectation to the following occurrence
            "cron, 0 12 * * *, 2026-03-01T12:00:30Z, 2026-03-02T12:00:00Z",
            "oncalendar, *-*-* 12:00:00, 2026-03-01T11:59:00Z, 2026-03-01T12:00:00Z",
            "oncalendar, *-*-* 12:00:00, 2026-03-01T12:00:00Z, 2026-03-02T12:00:00Z",
        })
        void theGraceStartIsTheFirstFireTimeAfterTheLastPing(
                String kind, String schedule, Instant lastPing, Instant expected) {
            Check c = scheduled(kind, schedule, "UTC", lastPing);
            assertThat(StatusCalculator.graceStart(c, true)).contains(expected);
            assertThat(StatusCalculator.goingDownAfter(c)).isEqualTo(expected.plusSeconds(GRACE));
        }

        @Test
        void theScheduleIsReadInTheChecksTimeZone() {
            // 12:00 in Berlin on 1 March (CET, UTC+1) is 11:00 UTC
            Check c =
                    scheduled(
                            "cron",
                            "0 12 * * *",
                            "Europe/Berlin",
                            Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(StatusCalculator.graceStart(c, false))
                    .contains(Instant.parse("2026-03-01T11:00:00Z"));
        }

        @ParameterizedTest(name = "at {0}: {1}")
        @CsvSource({
            "2026-03-01T11:59:59Z, UP",
            "2026-03-01T12:00:00Z, GRACE",
            "2026-03-01T12:59:59Z, GRACE",
            "2026-03-01T13:00:00Z, DOWN"
        })
        void aCronCheckIsLateFromTheFireTimeUntilGraceEnds(Instant now, CheckStatus expected) {
            Check c = scheduled("cron", "0 12 * * *", "UTC", Instant.parse("2026-03-01T08:00:00Z"));
            assertThat(StatusCalculator.status(c, now, false)).isEqualTo(expected);
        }

        @Test
        void anExhaustedScheduleExpectsNothingAndStaysUp() {
            Check c = scheduled("oncalendar", "2020-01-01 00:00:00", "UTC", NOW.minusSeconds(60));
            assertThat(StatusCalculator.graceStart(c, true)).isEmpty();
            assertThat(StatusCalculator.goingDownAfter(c)).isNull();
            assertThat(StatusCalculator.status(c, NOW.plus(Duration.ofDays(400)), false))
                    .isEqualTo(CheckStatus.UP);
        }

        @Test
        void aStoredScheduleThatNoLongerParsesExpectsNothing() {
            Check c = scheduled("cron", "61 * * * *", "UTC", NOW.minusSeconds(60));
            assertThat(StatusCalculator.graceStart(c, false)).isEmpty();
            assertThat(StatusCalculator.status(c, NOW, false)).isEqualTo(CheckStatus.UP);
        }

        private Check scheduled(String kind, String schedule, String tz, Instant lastPing) {
            return check(
                    b -> {
                        b.kind = kind;
                        b.schedule = schedule;
                        b.tz = tz;
                    },
                    state(CheckStatus.UP, lastPing));
        }
    }

    /** States with a run open. */
    static final class CheckStateFor {
        static CheckState started(CheckStatus stored, Instant start) {
            CheckState s = CheckState.fresh().withStatus(stored);
            if (stored == CheckStatus.UP) {
                s = s.withLastPing(start.minusSeconds(60));
            }
            return s.withLastStart(start, null);
        }
    }
}
