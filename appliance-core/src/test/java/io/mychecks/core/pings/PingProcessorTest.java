package io.mychecks.core.pings;

import static io.mychecks.core.pings.PingEvents.get;
import static io.mychecks.core.pings.PingEvents.http;
import static io.mychecks.core.pings.PingEvents.withRid;
import static io.mychecks.core.testing.PureChecks.NOW;
import static io.mychecks.core.testing.PureChecks.check;
import static io.mychecks.core.testing.PureChecks.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.pings.PingProcessor.Applied;
import io.mychecks.core.pings.PingProcessor.RunStarts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One ping applied to a check (spec §3.4 and §4.2), at a fixed moment and with no database. */
class PingProcessorTest {
    static final long PERIOD = 86400;
    static final long GRACE = 3600;
    static final String RID_A = "0a1b2c3d-0000-4000-8000-00000000000a";
    static final String RID_B = "0a1b2c3d-0000-4000-8000-00000000000b";

    /** Run starts the store would find; records what it was asked. */
    final List<String> asked = new ArrayList<>();

    Instant storedStart;

    final RunStarts runs =
            (check, rid, now) -> {
                asked.add(rid);
                return storedStart;
            };

    Applied apply(Check c, PingEvent e) {
        return PingProcessor.apply(c, e, NOW, runs);
    }

    /** An up check, last pinged ten minutes ago, with a run open since {@code start}. */
    static Check running(Instant start, String rid) {
        return up().withState(up().state().withLastStart(start, rid));
    }

    static Check up() {
        return check(state(CheckStatus.UP, NOW.minusSeconds(600)));
    }

    @Nested
    class Transitions {
        @ParameterizedTest(name = "{0} + {1} -> {2}, flip {3}, notifies {4}")
        @CsvSource({
            "NEW, SUCCESS, UP, true, false",
            "NEW, FAIL, DOWN, true, true",
            "UP, SUCCESS, UP, false, false",
            "UP, FAIL, DOWN, true, true",
            "DOWN, SUCCESS, UP, true, true",
            "DOWN, FAIL, DOWN, false, false", // down is sticky: no repeated alert
            "PAUSED, SUCCESS, UP, true, false",
            "PAUSED, FAIL, DOWN, true, true"
        })
        void successMakesUpAndFailMakesDown(
                CheckStatus from, PingKind kind, CheckStatus to, boolean flips, boolean notifies) {
            Check c = check(CheckState.fresh().withStatus(from));
            Applied a = apply(c, get(kind));
            assertThat(a.kind()).isEqualTo(kind);
            assertThat(a.check().state().status()).isEqualTo(to);
            assertThat(a.check().state().lastPing()).isEqualTo(NOW);
            if (flips) {
                assertThat(a.flip())
                        .isEqualTo(
                                new FlipDraft(
                                        c.id(),
                                        NOW,
                                        from,
                                        to,
                                        kind == PingKind.FAIL ? "fail" : ""));
                assertThat(a.flip().notifies()).isEqualTo(notifies);
            } else {
                assertThat(a.flip()).isNull();
            }
        }

        @Test
        void aSuccessSetsTheNextDeadlineToPeriodPlusGrace() {
            Applied a = apply(check(CheckState.fresh()), get(PingKind.SUCCESS));
            assertThat(a.check().state().alertAfter()).isEqualTo(NOW.plusSeconds(PERIOD + GRACE));
            assertThat(a.check().state().nPings()).isEqualTo(1);
        }

        @Test
        void aFailureLeavesNoDeadline() {
            Applied a = apply(up(), get(PingKind.FAIL));
            assertThat(a.check().state().alertAfter()).isNull();
        }

        @Test
        void logAndIgnoredPingsOnlyCount() {
            Check c = up();
            assertOnlyCounted(c, apply(c, get(PingKind.LOG)), PingKind.LOG);
            Check postOnly = check(b -> b.methods = "POST", c.state());
            // a failure sent with GET to a check that takes only POST changes nothing
            assertOnlyCounted(
                    postOnly, apply(postOnly, http(PingKind.FAIL, "GET", null)), PingKind.IGN);
        }

        private void assertOnlyCounted(Check before, Applied a, PingKind kind) {
            assertThat(a.kind()).isEqualTo(kind);
            assertThat(a.flip()).isNull();
            assertThat(a.durationMs()).isNull();
            CheckState s = a.check().state();
            assertThat(s.nPings()).isEqualTo(before.state().nPings() + 1);
            assertThat(s.lastPing()).isEqualTo(before.state().lastPing());
            assertThat(s.status()).isEqualTo(before.state().status());
            assertThat(s.alertAfter()).isEqualTo(StatusCalculator.goingDownAfter(before));
        }

        @Test
        void aPausedCheckWithManualResumeStaysPausedWhateverArrives() {
            Check paused =
                    check(
                            b -> b.manualResume = true,
                            CheckState.fresh().withStatus(CheckStatus.PAUSED));
            for (PingKind kind : List.of(PingKind.SUCCESS, PingKind.FAIL, PingKind.START)) {
                Applied a = apply(paused, get(kind));
                assertThat(a.kind()).isEqualTo(PingKind.IGN);
                assertThat(a.flip()).isNull();
                assertThat(a.check().state().status()).isEqualTo(CheckStatus.PAUSED);
                assertThat(a.check().state().lastStart()).isNull();
                assertThat(a.check().state().alertAfter()).isNull();
                assertThat(a.check().state().nPings()).isEqualTo(1);
            }
        }

        @Test
        void aBodyFilterDecidesTheTransition() {
            Check c =
                    check(
                            b -> {
                                b.filterHttpBody = true;
                                b.failureKw = "ERROR";
                            },
                            state(CheckStatus.UP, NOW.minusSeconds(60)));
            Applied a = apply(c, http(PingKind.SUCCESS, "POST", "ERROR: disk full"));
            assertThat(a.kind()).isEqualTo(PingKind.FAIL);
            assertThat(a.check().state().status()).isEqualTo(CheckStatus.DOWN);
            assertThat(a.flip().reason()).isEqualTo("fail");
        }

        @ParameterizedTest(name = "body \"{0}\": confirmation link {1}")
        @CsvSource({
            "Please Confirm your subscription, true",
            "CONFIRMATION, true",
            "all good, false",
            "'', false"
        })
        void aBodyMentioningConfirmMarksAConfirmationLink(String body, boolean expected) {
            Applied a = apply(up(), http(PingKind.LOG, "POST", body));
            assertThat(a.check().state().hasConfirmationLink()).isEqualTo(expected);
        }

        @Test
        void theNextPingWithoutConfirmClearsTheMark() {
            Applied first = apply(up(), http(PingKind.SUCCESS, "POST", "confirm"));
            Applied second =
                    PingProcessor.apply(
                            first.check(), get(PingKind.SUCCESS), NOW.plusSeconds(1), runs);
            assertThat(second.check().state().hasConfirmationLink()).isFalse();
        }
    }

    @Nested
    class RunsAndDurations {
        @Test
        void aStartOpensARunWithoutChangingStatusOrLastPing() {
            Check c = up();
            Applied a = apply(c, withRid(PingKind.START, RID_A));
            CheckState s = a.check().state();
            assertThat(a.kind()).isEqualTo(PingKind.START);
            assertThat(a.flip()).isNull();
            assertThat(s.lastStart()).isEqualTo(NOW);
            assertThat(s.lastStartRid()).isEqualTo(RID_A);
            assertThat(s.lastPing()).isEqualTo(c.state().lastPing());
            assertThat(s.status()).isEqualTo(CheckStatus.UP);
            // the run must finish within grace of its start
            assertThat(s.alertAfter()).isEqualTo(NOW.plusSeconds(GRACE));
            assertThat(a.durationMs()).isNull();
        }

        @Test
        void aStartFollowedBySuccessMeasuresTheDuration() {
            Instant start = NOW.minusSeconds(90).minusMillis(250);
            Check running = running(start, null);
            Applied a = apply(running, get(PingKind.SUCCESS));
            assertThat(a.durationMs()).isEqualTo(90_250L);
            assertThat(a.check().state().lastDurationMs()).isEqualTo(90_250L);
            assertThat(a.check().state().lastStart()).isNull();
            assertThat(a.check().state().lastStartRid()).isNull();
            assertThat(a.check().state().alertAfter()).isEqualTo(NOW.plusSeconds(PERIOD + GRACE));
            assertThat(asked).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(
                value = PingKind.class,
                names = {"SUCCESS", "FAIL"})
        void theSameRidClosesTheRunAndMeasuresIt(PingKind end) {
            Check running = running(NOW.minusSeconds(5), RID_A);
            Applied a = apply(running, withRid(end, RID_A));
            assertThat(a.durationMs()).isEqualTo(5_000L);
            assertThat(a.check().state().lastStart()).isNull();
            assertThat(asked).isEmpty();
        }

        @Test
        void aSuccessWithAnotherRidKeepsTheOpenRunAndLooksUpItsOwnStart() {
            storedStart = NOW.minusSeconds(42);
            Check running = running(NOW.minusSeconds(5), RID_A);
            Applied a = apply(running, withRid(PingKind.SUCCESS, RID_B));
            assertThat(asked).containsExactly(RID_B);
            assertThat(a.durationMs()).isEqualTo(42_000L);
            assertThat(a.check().state().lastStart()).isEqualTo(NOW.minusSeconds(5));
            assertThat(a.check().state().lastStartRid()).isEqualTo(RID_A);
            assertThat(a.check().state().lastDurationMs()).isNull();
        }

        @Test
        void aFailureWithAnotherRidClosesTheOpenRun() {
            Check running = running(NOW.minusSeconds(5), RID_A);
            Applied a = apply(running, withRid(PingKind.FAIL, RID_B));
            assertThat(a.check().state().lastStart()).isNull();
            assertThat(a.check().state().lastStartRid()).isNull();
            assertThat(a.durationMs()).isNull(); // the store knew no start of RID_B
        }

        @Test
        void aSuccessWithoutRidClosesARunWithARidButMeasuresNothing() {
            Check running = running(NOW.minusSeconds(5), RID_A);
            Applied a = apply(running, get(PingKind.SUCCESS));
            assertThat(a.check().state().lastStart()).isNull();
            assertThat(a.durationMs()).isNull();
            assertThat(asked).isEmpty();
        }

        @Test
        void aSuccessWithARidAndNoOpenRunUsesTheStoredStart() {
            storedStart = NOW.minusSeconds(7);
            Applied a = apply(up(), withRid(PingKind.SUCCESS, RID_A));
            assertThat(asked).containsExactly(RID_A);
            assertThat(a.durationMs()).isEqualTo(7_000L);
        }

        @ParameterizedTest(name = "run of {0}: duration {1}")
        @CsvSource({
            "PT72H, 259200000", // the longest run that still gets a duration
            "PT72H0.001S, ", // longer: none
            "-PT1S, " // a start in the future (clock skew): none
        })
        void durationsAreCappedAt72HoursAndNeverNegative(Duration run, Long expected) {
            Check running = running(NOW.minus(run), null);
            Applied a = apply(running, get(PingKind.SUCCESS));
            assertThat(a.durationMs()).isEqualTo(expected);
            assertThat(a.check().state().lastStart()).isNull();
        }

        @Test
        void aStartWithoutSuccessGoesDownAfterGrace() {
            Applied started = apply(check(CheckState.fresh()), get(PingKind.START));
            Check c = started.check();
            assertThat(c.state().status()).isEqualTo(CheckStatus.NEW);
            assertThat(c.state().alertAfter()).isEqualTo(NOW.plusSeconds(GRACE));
            assertThat(StatusCalculator.status(c, NOW.plusSeconds(GRACE - 1), true))
                    .isEqualTo(CheckStatus.STARTED);
            assertThat(StatusCalculator.status(c, NOW.plusSeconds(GRACE), false))
                    .isEqualTo(CheckStatus.DOWN);
        }

        @Test
        void aStartOnAPausedCheckArmsTheRunTimer() {
            Check paused = check(CheckState.fresh().withStatus(CheckStatus.PAUSED));
            Applied a = apply(paused, get(PingKind.START));
            assertThat(a.check().state().status()).isEqualTo(CheckStatus.PAUSED);
            assertThat(a.check().state().alertAfter()).isEqualTo(NOW.plusSeconds(GRACE));
        }
    }
}
