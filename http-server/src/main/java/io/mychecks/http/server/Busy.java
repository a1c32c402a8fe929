package io.mychecks.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

/** The answer to a request turned away because too many project scans run at once. */
public final class Busy {
    private static final HttpString RETRY_AFTER = HttpString.tryFromString("Retry-After");

    private Busy() {}

    /** Sends 503 with {@code Retry-After: 1}. */
    public static void send(HttpServerExchange ex) {
        ex.getResponseHeaders().put(RETRY_AFTER, "1");
        Responses.text(ex, 503, "too many requests of this kind at once, try again");
    }
}
