package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the credentials in a channel's settings before the API shows them: the user info of URLs
 * ({@code https://user:pass@host/}), every query value and the fragment of URLs (tokens travel
 * there), and the values of headers whose names suggest a secret ({@code Authorization}, {@code
 * Cookie}, {@code X-Hub-Key}, anything with key, token, secret, auth, pass, signature, session or
 * credential in it). Query values that are a lone placeholder such as {@code $NAME} stay readable.
 */
public final class ChannelSecrets {
    /** What a masked part reads as. */
    public static final String MASK = "********";

    private static final Pattern SECRET_HEADER =
            Pattern.compile("(?i)auth|cookie|key|token|secret|pass|signature|session|credential");

    /** scheme://[userinfo@]rest, the rest ending at ?, # or the end. */
    private static final Pattern URL =
            Pattern.compile("(?s)^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$[A-Z_]+");

    private ChannelSecrets() {}

    /** Masks, in place, every URL-valued and header-object field of {@code config}. */
    public static ObjectNode mask(ObjectNode config) {
        List<String> names = new ArrayList<>();
        config.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = config.get(name);
            if (value.isTextual() && URL.matcher(value.asText()).matches()) {
                config.put(name, url(value.asText()));
            } else if (value instanceof ObjectNode headers && name.startsWith("headers")) {
                maskHeaders(headers);
            }
        }
        return config;
    }

    /** Returns {@code url} with its user info, query values and fragment masked. */
    public static String url(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return url;
        }
        StringBuilder out = new StringBuilder(m.group(1));
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        out.append(at < 0 ? authority : MASK + authority.substring(at));
        out.append(m.group(3));
        if (m.group(4) != null) {
            out.append('?').append(query(m.group(4).substring(1)));
        }
        if (m.group(5) != null) {
            out.append(m.group(5).length() > 1 ? "#" + MASK : "#");
        }
        return out.toString();
    }

    private static String query(String query) {
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                parts.add(pair);
                continue;
            }
            String value = pair.substring(eq + 1);
            boolean keep = value.isEmpty() || PLACEHOLDER.matcher(value).matches();
            parts.add(pair.substring(0, eq + 1) + (keep ? value : MASK));
        }
        return String.join("&", parts);
    }

    private static void maskHeaders(ObjectNode headers) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        headers.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            if (SECRET_HEADER.matcher(e.getKey()).find()) {
                headers.put(e.getKey(), MASK);
            } else if (e.getValue().isTextual() && URL.matcher(e.getValue().asText()).matches()) {
                headers.put(e.getKey(), url(e.getValue().asText()));
            }
        }
    }
}
