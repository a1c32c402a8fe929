package io.mychecks.core.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.testing.MutableClock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyPruneTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theNextRunIsTodayAtTheTimeWhenStillAheadElseTomorrow() {
        ZonedDateTime morning = ZonedDateTime.of(2026, 3, 10, 2, 0, 0, 0, BERLIN);
        assertThat(DailyPrune.nextRun(morning, LocalTime.of(3, 30)))
                .isEqualTo(ZonedDateTime.of(2026, 3, 10, 3, 30, 0, 0, BERLIN));
        ZonedDateTime evening = ZonedDateTime.of(2026, 3, 10, 3, 30, 0, 0, BERLIN);
        assertThat(DailyPrune.nextRun(evening, LocalTime.of(3, 30)))
                .isEqualTo(ZonedDateTime.of(2026, 3, 11, 3, 30, 0, 0, BERLIN));
    }

    @Test
    void aTimeSkippedByTheSpringChangeRunsAfterIt() {
        // 2026-03-29 02:30 does not exist in Berlin: the run moves to 03:30 local
        ZonedDateTime before = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, BERLIN);
        ZonedDateTime run = DailyPrune.nextRun(before, LocalTime.of(2, 30));
        assertThat(run.toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 29));
        assertThat(run.isAfter(before)).isTrue();
    }

    @Test
    void aRoundRunsEveryTaskAndAFailingOneDoesNotStopTheRest() {
        List<String> ran = new ArrayList<>();
        Pruner failing =
                new Pruner() {
                    @Override
                    public long prune(PruneMonitor monitor) {
                        ran.add("bad");
                        throw new IllegalStateException("database gone");
                    }

                    @Override
                    public long preview() {
                        return 0;
                    }
                };
        Pruner fine =
                new Pruner() {
                    @Override
                    public long prune(PruneMonitor monitor) {
                        ran.add("good");
                        return 7;
                    }

                    @Override
                    public long preview() {
                        return 7;
                    }
                };
        DailyPrune daily =
                new DailyPrune(
                        List.of(
                                new PruneTask("a", "A", "", "things", failing),
                                new PruneTask("b", "B", "", "things", fine)),
                        MutableClock.at("2026-03-10T00:00:00Z"),
                        BERLIN,
                        LocalTime.of(3, 30));
        assertThat(daily.runOnce()).isEqualTo(7);
        assertThat(ran).containsExactly("bad", "good");
    }

    @Test
    void nounsAgreeWithTheirCount() {
        PruneTask t = new PruneTask("x", "", "", "token bucket entries", null);
        assertThat(t.noun(1)).isEqualTo("token bucket entry");
        assertThat(t.noun(2)).isEqualTo("token bucket entries");
        assertThat(new PruneTask("x", "", "", "pings", null).noun(1)).isEqualTo("ping");
    }
}
