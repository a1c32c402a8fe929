package io.mychecks.http.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The time window of a flips request: {@code seconds} (flips from the last N seconds, 0 or empty:
 * no limit), {@code start} and {@code end} (UNIX times; {@code created >= start}, {@code created <
 * end}). Numbers are read as the reference's form fields read them.
 *
 * @param from the earliest creation time, inclusive, or null
 * @param to the creation time flips must be before, or null
 */
record FlipFilter(Instant from, Instant to) {
    private static final long MAX_SECONDS = 31_536_000L;

    /** 10^10 seconds: the year 2286, the reference's sanity bound. */
    private static final long MAX_TIMESTAMP = 10_000_000_000L;

    /** An integer form field also takes a decimal point followed by zeros ("60.0"). */
    private static final Pattern DECIMAL_ZEROS = Pattern.compile("\\.0*\\s*$");

    /** Reads the filters of {@code r}; any bad value is 400 with an empty body. */
    static FlipFilter parse(ApiRequest r, Instant now) {
        Instant from = null;
        String seconds = last(r.queryAll("seconds"));
        if (seconds != null && !seconds.isEmpty()) {
            long s = integer(DECIMAL_ZEROS.matcher(seconds).replaceFirst(""), MAX_SECONDS);
            // zero means "no limit", as in the reference
            from = s == 0 ? null : now.minusSeconds(s);
        }
        String start = last(r.queryAll("start"));
        if (start != null) {
            Instant t = Instant.ofEpochSecond(integer(start, MAX_TIMESTAMP));
            from = from == null || t.isAfter(from) ? t : from;
        }
        String end = last(r.queryAll("end"));
        Instant to = end == null ? null : Instant.ofEpochSecond(integer(end, MAX_TIMESTAMP));
        return new FlipFilter(from, to);
    }

    private static long integer(String raw, long max) {
        String digits = plainInteger(raw);
        if (digits == null) {
            throw new ApiException(400, null);
        }
        BigInteger value = new BigInteger(digits);
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ApiException(400, null);
        }
        return value.longValue();
    }

    /**
     * Reads an integer as Python's {@code int()} does: surrounding whitespace, an optional sign,
     * digits with single underscores between them. Returns the sign and digits without underscores,
     * or null. A loop, not a regular expression: a repeated group would recurse once per digit and
     * overflow the stack on a few thousand of them.
     */
    static String plainInteger(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && isSpace(raw.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(raw.charAt(to - 1))) {
            to--;
        }
        StringBuilder out = new StringBuilder(to - from);
        if (from < to && (raw.charAt(from) == '+' || raw.charAt(from) == '-')) {
            out.append(raw.charAt(from++));
        }
        boolean digitBefore = false;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                digitBefore = true;
            } else if (c == '_' && digitBefore && i + 1 < to) {
                digitBefore = false;
            } else {
                return null;
            }
        }
        return digitBefore ? out.toString() : null;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** A query parameter given twice counts with its last value, as in the reference. */
    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
