package io.mychecks.core.testing;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds checks in memory (or states to store) that show a wanted status at a given moment: simple
 * checks with the default period of one day and grace of one hour.
 */
public final class TestChecks {
    private static final AtomicLong IDS = new AtomicLong(1000);

    private TestChecks() {}

    /**
     * Returns a check named {@code name} with {@code tags} whose status at {@code now} is {@code
     * status}.
     */
    public static Check inStatus(String name, String tags, CheckStatus status, Instant now) {
        CheckConfig config = CheckConfig.defaults().toBuilder().build();
        CheckConfig.Builder b = config.toBuilder();
        b.name = name;
        b.tags = tags;
        Check blank =
                new Check(
                        IDS.incrementAndGet(),
                        UUID.randomUUID(),
                        1,
                        now.minus(Duration.ofDays(30)),
                        UUID.randomUUID().toString(),
                        b.build(),
                        CheckState.fresh());
        return blank.withState(state(status, now));
    }

    /**
     * Returns a state that shows {@code status} at {@code now} for a check with the default timing.
     * STARTED means a run began a minute ago on an up check.
     */
    public static CheckState state(CheckStatus status, Instant now) {
        CheckState fresh = CheckState.fresh();
        return switch (status) {
            case NEW -> fresh;
            case PAUSED -> fresh.withStatus(CheckStatus.PAUSED);
            case UP ->
                    fresh.withStatus(CheckStatus.UP).withLastPing(now.minus(Duration.ofHours(1)));
            case GRACE ->
                    fresh.withStatus(CheckStatus.UP)
                            .withLastPing(
                                    now.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(10)));
            case DOWN ->
                    fresh.withStatus(CheckStatus.DOWN).withLastPing(now.minus(Duration.ofDays(3)));
            case STARTED ->
                    fresh.withStatus(CheckStatus.UP)
                            .withLastPing(now.minus(Duration.ofHours(1)))
                            .withLastStart(now.minus(Duration.ofMinutes(1)), null);
        };
    }
}
