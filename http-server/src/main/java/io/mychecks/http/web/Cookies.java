package io.mychecks.http.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The web UI's cookies: the session token, the form token of visitors not logged in, and the chosen
 * theme. All are {@code HttpOnly} (the theme aside, which no script needs either), {@code
 * SameSite=Lax}, and {@code Secure} when the site is served over https.
 */
final class Cookies {
    static final String SESSION = "mychecks_session";
    static final String CSRF = "mychecks_csrf";
    static final String THEME = "mychecks_theme";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Cookies() {}

    static String session(HttpServerExchange ex) {
        return value(ex, SESSION);
    }

    static String anonymousCsrf(HttpServerExchange ex) {
        String v = value(ex, CSRF);
        return v != null && v.matches("^[0-9a-f]{64}$") ? v : null;
    }

    static String theme(HttpServerExchange ex) {
        String v = value(ex, THEME);
        return "light".equals(v) || "dark".equals(v) ? v : "system";
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static void set(
            HttpServerExchange ex, String name, String value, Duration age, boolean secure) {
        Cookie c =
                new CookieImpl(name, value)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSecure(secure)
                        .setSameSiteMode("Lax")
                        .setMaxAge((int) age.getSeconds());
        ex.setResponseCookie(c);
    }

    static void clear(HttpServerExchange ex, String name, boolean secure) {
        set(ex, name, "", Duration.ZERO, secure);
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String value(HttpServerExchange ex, String name) {
        Cookie c = ex.getRequestCookie(name);
        return c == null ? null : c.getValue();
    }
}
