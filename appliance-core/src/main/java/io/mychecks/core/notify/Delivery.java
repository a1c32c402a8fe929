package io.mychecks.core.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one delivery attempt.
 *
 * <ul>
 *   <li>OK: delivered.
 *   <li>RETRY: a transient failure (timeout, 5xx, connection refused); tried again later with
 *       backoff, or after {@code retryAfter} when the target asked for longer (Retry-After).
 *   <li>FAILED: will not work by retrying, but the channel stays enabled (e.g. a private address
 *       refused, an unverified email address).
 *   <li>PERMANENT: the target says it is gone; the channel is disabled, as the reference does.
 * </ul>
 *
 * @param retryAfter how long the target asked us to wait before trying again; null when it did not
 *     say (only RETRY outcomes carry one)
 */
public record Delivery(Result result, String error, Duration retryAfter) {

    public enum Result {
        OK,
        RETRY,
        FAILED,
        PERMANENT
    }

    public Delivery(Result result, String error) {
        this(result, error, null);
    }

    public static Delivery ok() {
        return new Delivery(Result.OK, "");
    }

    public static Delivery retry(String error) {
        return new Delivery(Result.RETRY, error);
    }

    /** A transient failure the target asked us not to retry before {@code after} has passed. */
    public static Delivery retry(String error, Duration after) {
        return new Delivery(Result.RETRY, error, after);
    }

    public static Delivery failed(String error) {
        return new Delivery(Result.FAILED, error);
    }

    public static Delivery permanent(String error) {
        return new Delivery(Result.PERMANENT, error);
    }

    public boolean isOk() {
        return result == Result.OK;
    }

    /** The wait the target asked for, if any. */
    public Optional<Duration> retryAfterWait() {
        return Optional.ofNullable(retryAfter);
    }
}
