package io.mychecks.http.web;

import io.mychecks.core.accounts.User;
import io.undertow.server.HttpServerExchange;
import java.util.Locale;

/**
 * Log-in by an authenticating proxy (REMOTE_USER_HEADER): the proxy puts the user's email address
 * in a header; Mychecks believes it, and makes an account (with a first project) for a new address.
 * Every other way to log in is then off.
 */
final class ProxyUser {
    private ProxyUser() {}

    /**
     * The header's name as HTTP spells it: "X-Authenticated-User" stays, Django's {@code
     * HTTP_X_AUTHENTICATED_USER} becomes X-Authenticated-User; null for "".
     */
    static String headerName(String setting) {
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String s = setting.strip();
        if (s.startsWith("HTTP_")) {
            s = s.substring(5).replace('_', '-');
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static User resolve(WebServices app, String header, HttpServerExchange ex) {
        String value = ex.getRequestHeaders().getFirst(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        User user = findOrSignUp(app, email);
        if (!user.active()) {
            throw new WebError(
                    403, "This account is disabled. Ask the administrator of this site.");
        }
        return user;
    }

    private static User findOrSignUp(WebServices app, String email) {
        return app.users()
                .findByEmail(app.database().dsl(), email)
                .orElseGet(
                        () -> {
                            try {
                                return app.accounts().signUp(email);
                            } catch (IllegalArgumentException e) {
                                throw new WebError(
                                        403, "The authenticating proxy sent an invalid address.");
                            }
                        });
    }
}
