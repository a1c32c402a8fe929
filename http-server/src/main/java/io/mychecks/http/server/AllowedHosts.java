package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;
import java.util.Locale;

/**
 * Answers 400 to requests whose {@code Host} is not in ALLOWED_HOSTS (comma-separated; {@code *}
 * allows every host, the default; {@code .example.org} allows the domain and its subdomains).
 */
public final class AllowedHosts implements HttpHandler {
    private final List<String> allowed;
    private final HttpHandler next;

    public AllowedHosts(String setting, HttpHandler next) {
        this.allowed =
                List.of(setting.split(",")).stream()
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList();
        this.next = next;
    }

    /** Returns the handler itself when every host is allowed. */
    public static HttpHandler wrap(String setting, HttpHandler next) {
        AllowedHosts h = new AllowedHosts(setting, next);
        return h.allowed.isEmpty() || h.allowed.contains("*") ? next : h;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String host = hostName(exchange.getRequestHeaders().getFirst(Headers.HOST));
        if (host == null || !isAllowed(host)) {
            Responses.text(exchange, 400, "bad request: host not allowed");
            return;
        }
        next.handleRequest(exchange);
    }

    boolean isAllowed(String host) {
        for (String a : allowed) {
            if (a.equals(host)
                    || (a.startsWith(".") && (host.endsWith(a) || host.equals(a.substring(1))))) {
                return true;
            }
        }
        return false;
    }

    /** "Example.org:8000" → "example.org"; "[::1]:8000" → "[::1]". */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
