package io.mychecks.core.notify;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 10.2.3): delay-seconds or an HTTP date. The
 * wait is capped at {@link #MAX}, so a target cannot park a delivery for ever; a past date, a
 * negative or unreadable value reads as no header.
 */
public final class RetryAfter {
    /** The longest wait honoured. */
    public static final Duration MAX = Duration.ofHours(6);

    private RetryAfter() {}

    /** The wait {@code headers} ask for, seen at {@code now}; empty when they ask for none. */
    public static Optional<Duration> of(HttpHeaders headers, Instant now) {
        return headers.firstValue("Retry-After").flatMap(v -> parse(v.strip(), now));
    }

    static Optional<Duration> parse(String value, Instant now) {
        Duration wait;
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            wait = value.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at =
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    }
}
