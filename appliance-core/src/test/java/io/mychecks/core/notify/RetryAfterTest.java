package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static HttpHeaders headers(String value) {
        return HttpHeaders.of(Map.of("retry-after", List.of(value)), (n, v) -> true);
    }

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.of(headers("120"), NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.of(headers(" 7 "), NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.of(headers("Sun, 01 Mar 2026 10:05:00 GMT"), NOW))
                .contains(Duration.ofMinutes(5));
    }

    @Test
    void capsLongWaits() {
        assertThat(RetryAfter.of(headers("999999"), NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.of(headers("99999999999999999999"), NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.of(headers("Mon, 01 Mar 2027 10:00:00 GMT"), NOW))
                .contains(RetryAfter.MAX);
    }

    @Test
    void ignoresMissingPastZeroAndUnreadableValues() {
        assertThat(RetryAfter.of(HttpHeaders.of(Map.of(), (n, v) -> true), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("0"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("-5"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("1.5"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("soon"), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers(""), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers("Sun, 01 Mar 2026 09:00:00 GMT"), NOW)).isEmpty();
    }
}
