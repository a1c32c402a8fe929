package io.mychecks.http.api;

import io.mychecks.core.manage.CheckRejectedException;

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

    /**
     * The answer to a refused check operation: 404 for an unknown check, 403 without a body for
     * another project's check or the check limit, 400 for bad channels, 409 for resuming a check
     * that is not paused.
     */
    public static ApiException of(CheckRejectedException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> notFound();
            case FORBIDDEN, LIMIT_REACHED -> forbidden();
            case BAD_CHANNELS -> badRequest(e.getMessage());
            case NOT_PAUSED -> new ApiException(409, e.getMessage());
        };
    }
}
