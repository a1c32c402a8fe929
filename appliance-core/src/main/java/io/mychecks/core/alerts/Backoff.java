package io.mychecks.core.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed delivery again: quickly at first, then every 30 minutes, for about five
 * hours in all (17 attempts), after which the delivery is given up.
 */
public final class Backoff {
    private static final List<Duration> DELAYS =
            List.of(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(30));

    private Backoff() {}

    /**
     * The wait after the {@code attempts}-th failed attempt, or empty when it is time to give up.
     */
    public static Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= DELAYS.size()
                ? Optional.of(DELAYS.get(attempts - 1))
                : Optional.empty();
    }

    /** How many attempts a delivery gets in all. */
    public static int maxAttempts() {
        return DELAYS.size() + 1;
    }
}
