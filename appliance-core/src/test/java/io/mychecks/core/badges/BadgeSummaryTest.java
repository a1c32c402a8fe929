package io.mychecks.core.badges;

import static io.mychecks.core.checks.CheckStatus.DOWN;
import static io.mychecks.core.checks.CheckStatus.GRACE;
import static io.mychecks.core.checks.CheckStatus.NEW;
import static io.mychecks.core.checks.CheckStatus.PAUSED;
import static io.mychecks.core.checks.CheckStatus.STARTED;
import static io.mychecks.core.checks.CheckStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadgeSummaryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Check check(String tags, CheckStatus status) {
        return TestChecks.inStatus("c", tags, status, NOW);
    }

    @Test
    void noChecksIsUp() {
        assertThat(BadgeSummary.of(List.of(), BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.UP, 0, 0, 0));
    }

    @Test
    void newPausedAndRunningChecksCountAsUp() {
        List<Check> checks =
                List.of(check("", NEW), check("", PAUSED), check("", UP), check("", STARTED));
        assertThat(BadgeSummary.of(checks, BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.UP, 4, 0, 0));
    }

    @Test
    void anyDownCheckMakesTheBadgeDown() {
        List<Check> checks = List.of(check("", UP), check("", GRACE), check("", DOWN));
        assertThat(BadgeSummary.of(checks, BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.DOWN, 3, 1, 1));
        assertThat(BadgeSummary.of(checks, BadgeMode.TWO_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.DOWN, 3, 1, 1));
    }

    @Test
    void graceIsLateOnlyInThreeStateModeButCountedInBoth() {
        List<Check> checks = List.of(check("", UP), check("", GRACE));
        assertThat(BadgeSummary.of(checks, BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.LATE, 2, 1, 0));
        assertThat(BadgeSummary.of(checks, BadgeMode.TWO_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.UP, 2, 1, 0));
    }

    @Test
    void runThatOverranItsGraceCountsAsDown() {
        Check c = check("", UP);
        Check overran = c.withState(c.state().withLastStart(NOW.minus(Duration.ofHours(2)), null));
        assertThat(BadgeSummary.of(List.of(overran), BadgeMode.TWO_STATE, NOW).status())
                .isEqualTo(BadgeStatus.DOWN);
    }

    @Test
    void tagMustMatchAWholeTagOfTheList() {
        List<Check> checks =
                List.of(
                        check("prod db", DOWN),
                        check("production", GRACE),
                        check("staging", UP),
                        check("", UP));
        assertThat(BadgeSummary.forTag(checks, "prod", BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.DOWN, 1, 0, 1));
        assertThat(BadgeSummary.forTag(checks, "production", BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.LATE, 1, 1, 0));
        assertThat(BadgeSummary.forTag(checks, "db", BadgeMode.THREE_STATE, NOW).total())
                .isEqualTo(1);
        assertThat(BadgeSummary.forTag(checks, "pro", BadgeMode.THREE_STATE, NOW).total()).isZero();
        assertThat(BadgeSummary.forTag(checks, "*", BadgeMode.THREE_STATE, NOW))
                .isEqualTo(new BadgeSummary(BadgeStatus.DOWN, 4, 1, 1));
    }
}
