package io.mychecks.http.web;

/** Ends a page with an error page: {@code status} and a sentence for the user. */
public final class WebError extends RuntimeException {
    private final int status;

    public WebError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static WebError notFound() {
        return new WebError(404, "This page does not exist, or you have no access to it.");
    }

    public static WebError forbidden() {
        return new WebError(403, "Your role in this project does not allow this.");
    }

    public static WebError badRequest(String message) {
        return new WebError(400, message);
    }
}
