package io.mychecks.core.flips;

import io.mychecks.core.checks.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long a check was down within a time range, read from its flips: the number of down periods
 * that overlap the range and their total length inside it.
 *
 * @param downs how many times the check was down within the range
 * @param total how long, in all, clipped to the range
 * @param span the length of the range (up to now when it has not ended)
 */
public record Downtime(int downs, Duration total, Duration span) {

    /** The share of the range the check was not down, in percent (100 for an empty range). */
    public double uptimePercent() {
        if (span.toMillis() <= 0) {
            return 100.0;
        }
        return Math.max(0, 100.0 * (1 - (double) total.toMillis() / span.toMillis()));
    }

    /**
     * Summarises {@code flips} (any order, all of the check's flips up to {@code to} at least) over
     * {@code [from, to)}, {@code to} capped at {@code now}.
     */
    public static Downtime of(List<Flip> flips, Instant from, Instant to, Instant now) {
        Instant end = to.isAfter(now) ? now : to;
        if (!end.isAfter(from)) {
            return new Downtime(0, Duration.ZERO, Duration.ZERO);
        }
        List<Flip> sorted =
                flips.stream().sorted(java.util.Comparator.comparing(Flip::created)).toList();
        int downs = 0;
        long millis = 0;
        Instant downSince = null;
        for (Flip f : sorted) {
            if (!f.created().isBefore(end)) {
                break;
            }
            boolean isDown = f.newStatus() == CheckStatus.DOWN;
            if (isDown && downSince == null) {
                downSince = f.created();
            } else if (!isDown && downSince != null) {
                // the period [downSince, f.created()) ends before the range's end
                if (f.created().isAfter(from)) {
                    downs++;
                    millis += overlap(downSince, f.created(), from, end);
                }
                downSince = null;
            }
        }
        if (downSince != null) {
            downs++;
            millis += overlap(downSince, end, from, end);
        }
        return new Downtime(downs, Duration.ofMillis(millis), Duration.between(from, end));
    }

    private static long overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant s = a.isBefore(from) ? from : a;
        Instant e = b.isAfter(to) ? to : b;
        return e.isAfter(s) ? Duration.between(s, e).toMillis() : 0;
    }
}
