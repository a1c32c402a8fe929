package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0 seconds",
        "1, 1 second",
        "59, 59 seconds",
        "60, 1 minute",
        "90, 1 minute 30 seconds",
        "3600, 1 hour",
        "7500, 2 hours 5 minutes",
        "86400, 1 day",
        "90061, 1 day 1 hour",
        "604800, 1 week",
        "608400, 1 week",
        "1209600, 2 weeks",
        "-5, 0 seconds"
    })
    void formatsTheTwoLargestUnits(long seconds, String expected) {
        assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
