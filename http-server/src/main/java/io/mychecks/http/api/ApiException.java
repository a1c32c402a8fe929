package io.mychecks.http.api;

/**
 * Ends an API call with an HTTP status. With a message the body is {@code {"error": message}};
 * without one (403, as the reference) the body is empty.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound() {
        return new ApiException(404, "not found");
    }

    public static ApiException forbidden() {
        return new ApiException(403, null);
    }
}
