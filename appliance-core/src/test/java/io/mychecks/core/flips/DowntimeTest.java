package io.mychecks.core.flips;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowntimeTest {
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    static Flip flip(String at, CheckStatus from, CheckStatus to) {
        return new Flip(0, 1, Instant.parse(at), null, from, to, "");
    }

    @Test
    void aRangeShorterThanAMillisecondIsAllUp() {
        Downtime d = Downtime.of(List.of(), NOW, TO.plusSeconds(86400), NOW.plusNanos(5));
        assertThat(d.uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void noFlipsNoDowntime() {
        Downtime d = Downtime.of(List.of(), FROM, TO, NOW);
        assertThat(d.downs()).isZero();
        assertThat(d.total()).isZero();
        assertThat(d.uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void downPeriodsInsideAndAcrossTheEdgesAreClipped() {
        List<Flip> flips =
                List.of(
                        // down from before the range until 2 hours into it
                        flip("2026-10-31T23:00:00Z", CheckStatus.UP, CheckStatus.DOWN),
                        flip("2026-11-01T02:00:00Z", CheckStatus.DOWN, CheckStatus.UP),
                        // one hour in the middle
                        flip("2026-11-15T10:00:00Z", CheckStatus.UP, CheckStatus.DOWN),
                        flip("2026-11-15T11:00:00Z", CheckStatus.DOWN, CheckStatus.UP),
                        // down from the last day into the next range
                        flip("2026-11-30T23:30:00Z", CheckStatus.UP, CheckStatus.DOWN),
                        flip("2026-12-01T05:00:00Z", CheckStatus.DOWN, CheckStatus.UP));
        Downtime d = Downtime.of(flips, FROM, TO, NOW);
        assertThat(d.downs()).isEqualTo(3);
        assertThat(d.total()).isEqualTo(Duration.ofMinutes(120 + 60 + 30));
        assertThat(d.uptimePercent()).isBetween(99.5, 99.6);
        // and in any order
        List<Flip> reversed = new java.util.ArrayList<>(flips);
        java.util.Collections.reverse(reversed);
        assertThat(Downtime.of(reversed, FROM, TO, NOW)).isEqualTo(d);
    }

    @Test
    void stillDownCountsUntilNowAndPeriodsOutsideDoNot() {
        List<Flip> flips =
                List.of(
                        flip("2026-10-10T00:00:00Z", CheckStatus.UP, CheckStatus.DOWN),
                        flip("2026-10-11T00:00:00Z", CheckStatus.DOWN, CheckStatus.UP),
                        flip("2026-12-01T12:00:00Z", CheckStatus.UP, CheckStatus.DOWN));
        assertThat(Downtime.of(flips, FROM, TO, NOW).downs()).isZero();
        Downtime current = Downtime.of(flips, TO, Instant.parse("2027-01-01T00:00:00Z"), NOW);
        assertThat(current.downs()).isEqualTo(1);
        assertThat(current.total()).isEqualTo(Duration.ofHours(12));
        assertThat(current.span()).isEqualTo(Duration.ofDays(1));
        assertThat(current.uptimePercent()).isEqualTo(50.0);
    }
}
