package io.mychecks.core.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code SECURE_PROXY_SSL_HEADER} setting: the request header a TLS-terminating proxy sets and
 * the value that means the client used https, such as {@code HTTP_X_FORWARDED_PROTO,https}. The
 * header may be written as the reference does ({@code HTTP_} and underscores) or as sent ({@code
 * X-Forwarded-Proto}).
 *
 * @param header the HTTP header name, e.g. {@code X-Forwarded-Proto}
 * @param value the value that means https, compared exactly
 */
public record ProxySslHeader(String header, String value) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /** Returns the header {@code raw} describes, empty when {@code raw} is empty. */
    public static Optional<ProxySslHeader> parse(String raw) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        String[] parts = raw.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "must be HEADER,value such as HTTP_X_FORWARDED_PROTO,https");
        }
        String name = parts[0].strip();
        String value = parts[1].strip();
        if (!NAME.matcher(name).matches() || value.isEmpty()) {
            throw new IllegalArgumentException(
                    "must be HEADER,value such as HTTP_X_FORWARDED_PROTO,https");
        }
        if (name.toUpperCase(Locale.ROOT).startsWith("HTTP_")) {
            name = name.substring(5).replace('_', '-');
        }
        return Optional.of(new ProxySslHeader(name, value));
    }

    /** Returns null when {@code raw} is acceptable, else a short reason. */
    static String problem(String raw) {
        try {
            parse(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
