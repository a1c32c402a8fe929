package io.mychecks.core.limits;

import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.db.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Rate limits kept in the database ({@code token_buckets}), so that they hold across restarts and
 * across daemons: a bucket allows {@code capacity} attempts per {@code period}, refilling evenly.
 * Unlike the reference, taking is atomic (the row is read and written in one transaction, locked on
 * PostgreSQL), and an attempt that is refused takes nothing, so a client that keeps trying is let
 * in again at the steady rate.
 */
public final class RateLimiter {
    private final Database database;
    private final Clock clock;
    private final TokenBucketStore store;

    public RateLimiter(Database database, Clock clock, TokenBucketStore store) {
        this.database = database;
        this.clock = clock;
        this.store = store;
    }

    /** Takes one attempt from the bucket; false when it is empty (the attempt is refused). */
    public boolean tryTake(String key, int capacity, Duration period) {
        if (capacity <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a bucket needs a capacity and a period");
        }
        if (key.length() > 80) {
            throw new IllegalArgumentException("bucket keys are at most 80 characters: use key()");
        }
        Instant now = clock.instant();
        return database.inTransaction(
                cfg -> {
                    store.addIfMissing(cfg.dsl(), key, now);
                    double level =
                            store.findForUpdate(cfg.dsl(), key)
                                    .map(l -> refilled(l, now, period))
                                    .orElse(1.0);
                    double after = level - 1.0 / capacity;
                    if (after < -1e-9) {
                        return false;
                    }
                    store.save(cfg.dsl(), key, new TokenBucketStore.Level(after, now));
                    return true;
                });
    }

    private static double refilled(TokenBucketStore.Level l, Instant now, Duration period) {
        double elapsed = Math.max(0, Duration.between(l.updated(), now).toMillis());
        return Math.min(1.0, l.tokens() + elapsed / period.toMillis());
    }

    /**
     * A bucket key for a personal value (an email address, a phone number): {@code prefix} and a
     * keyed hash of the value, so that the table names no one. Email addresses are compared without
     * case, dots in the local part and a {@code +tag}, so that aliases share a bucket.
     */
    public static String key(String prefix, String secret, String value) {
        byte[] mac =
                Hmac.sha256(
                        secret.getBytes(StandardCharsets.UTF_8),
                        normalised(value).getBytes(StandardCharsets.UTF_8));
        return prefix + HexFormat.of().formatHex(mac, 0, 20);
    }

    private static String normalised(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int at = v.lastIndexOf('@');
        if (at <= 0) {
            return v;
        }
        String local = v.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local.replace(".", "") + v.substring(at);
    }
}
