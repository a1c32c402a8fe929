package io.mychecks.http.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
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

    private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?[0-9](?:_?[0-9])*)\\s*");

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
        Matcher m = INTEGER.matcher(raw);
        if (!m.matches()) {
            throw new ApiException(400, null);
        }
        BigInteger value = new BigInteger(m.group(1).replace("_", ""));
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ApiException(400, null);
        }
        return value.longValue();
    }

    /** A query parameter given twice counts with its last value, as in the reference. */
    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
