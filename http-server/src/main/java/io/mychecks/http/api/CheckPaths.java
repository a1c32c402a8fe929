package io.mychecks.http.api;

import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import java.util.regex.Pattern;

/**
 * Routes {@code checks/{code}…} URLs by the shape of their path parameters, as the reference's URL
 * patterns do: {@code code} is a lower-case UUID or a 40-hex unique key, {@code n} is digits.
 * Anything else is an unknown URL (404) whatever the method or key.
 */
public final class CheckPaths {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern UNIQUE_KEY = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final HttpHandler NOT_FOUND = ex -> Responses.text(ex, 404, "not found");

    private CheckPaths() {}

    /** Passes URLs whose {@code code} is a UUID to {@code byUuid}; others get 404. */
    public static HttpHandler uuid(HttpHandler byUuid) {
        return byCode(byUuid, null);
    }

    /**
     * Passes URLs whose {@code code} is a UUID to {@code byUuid} and those whose code is a unique
     * key to {@code byUniqueKey} (null: none); others get 404.
     */
    public static HttpHandler byCode(HttpHandler byUuid, HttpHandler byUniqueKey) {
        return ex -> {
            String code = Router.param(ex, "code");
            if (code != null && UUID.matcher(code).matches()) {
                byUuid.handleRequest(ex);
            } else if (byUniqueKey != null && code != null && UNIQUE_KEY.matcher(code).matches()) {
                byUniqueKey.handleRequest(ex);
            } else {
                NOT_FOUND.handleRequest(ex);
            }
        };
    }

    /** Passes URLs whose {@code code} is a UUID and {@code n} a number to {@code next}. */
    public static HttpHandler uuidAndNumber(HttpHandler next) {
        return uuid(
                ex -> {
                    String n = Router.param(ex, "n");
                    (n != null && NUMBER.matcher(n).matches() ? next : NOT_FOUND).handleRequest(ex);
                });
    }
}
