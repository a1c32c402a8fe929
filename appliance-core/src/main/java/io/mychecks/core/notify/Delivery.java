package io.mychecks.core.notify;

/**
 * The outcome of one delivery attempt.
 *
 * <ul>
 *   <li>OK: delivered.
 *   <li>RETRY: a transient failure (timeout, 5xx, connection refused); tried again later with
 *       backoff.
 *   <li>FAILED: will not work by retrying, but the channel stays enabled (e.g. a private address
 *       refused, an unverified email address).
 *   <li>PERMANENT: the target says it is gone; the channel is disabled, as the reference does.
 * </ul>
 */
public record Delivery(Result result, String error) {

    public enum Result {
        OK,
        RETRY,
        FAILED,
        PERMANENT
    }

    public static Delivery ok() {
        return new Delivery(Result.OK, "");
    }

    public static Delivery retry(String error) {
        return new Delivery(Result.RETRY, error);
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
}
