package io.mychecks.http.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes an {@code application/x-www-form-urlencoded} body; any other body yields no fields. */
final class FormBody {
    private FormBody() {}

    static Map<String, List<String>> parse(HttpServerExchange ex, byte[] body) {
        String type = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (body == null
                || body.length == 0
                || type == null
                || !type.toLowerCase(java.util.Locale.ROOT)
                        .startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray "%": keep the text as sent
            return s;
        }
    }
}
