package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.notify.http.OutboundHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates the fields of a new webhook channel and returns its stored config: the keys {@code
 * body_down, body_up, headers_down, headers_up, method_down, method_up, url_down, url_up} in sorted
 * order (headers sorted by name too).
 *
 * <ul>
 *   <li>{@code method_*}: GET (default), POST or PUT.
 *   <li>{@code url_*}: "" or an http/https URL with a host, at most 1000 characters; at least one
 *       of the two is required.
 *   <li>{@code body_*}: a string of at most 1000 characters.
 *   <li>{@code headers_*}: an object of strings; names are HTTP tokens, names and values at most
 *       1000 characters, values without control characters (CR, LF and NUL included). Hop-by-hop
 *       and message-framing headers ({@link OutboundHttp#FORBIDDEN_HEADERS}: Transfer-Encoding,
 *       Content-Length, Connection, Host, …) are refused: the client sets them itself, and a
 *       user-supplied one could smuggle a second request to the target.
 * </ul>
 */
final class WebhookConfigParser {
    private static final int MAX = 1000;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");
    private static final Pattern TOKEN = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

    private WebhookConfigParser() {}

    static ObjectNode parse(ObjectNode request) throws InvalidChannelException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String dir : new String[] {"_down", "_up"}) {
            out.put(
                    "method" + dir,
                    JsonNodeFactory.instance.textNode(method(request, "method" + dir)));
            out.put("url" + dir, JsonNodeFactory.instance.textNode(url(request, "url" + dir)));
            out.put("body" + dir, JsonNodeFactory.instance.textNode(string(request, "body" + dir)));
            out.put("headers" + dir, headers(request, "headers" + dir));
        }
        if (out.get("url_down").asText().isEmpty() && out.get("url_up").asText().isEmpty()) {
            throw invalid("at least one of url_down and url_up is required");
        }
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        out.forEach(config::set);
        return config;
    }

    private static String string(ObjectNode request, String field) throws InvalidChannelException {
        JsonNode v = request.get(field);
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            throw invalid(field + " is not a string");
        }
        if (v.asText().length() > MAX) {
            throw invalid(field + " is too long");
        }
        return v.asText();
    }

    private static String method(ObjectNode request, String field) throws InvalidChannelException {
        String m = string(request, field);
        if (m.isEmpty() && !request.has(field)) {
            return "GET";
        }
        if (!METHODS.contains(m)) {
            throw invalid(field + " has unexpected value");
        }
        return m;
    }

    private static String url(ObjectNode request, String field) throws InvalidChannelException {
        String url = string(request, field).strip();
        if (url.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(field + " is not a valid http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid(field + " is not a valid http or https URL");
        }
        return url;
    }

    private static ObjectNode headers(ObjectNode request, String field)
            throws InvalidChannelException {
        JsonNode v = request.get(field);
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        if (v == null) {
            return sorted;
        }
        if (!v.isObject()) {
            throw invalid(field + " is not an object");
        }
        Map<String, String> byName = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!e.getValue().isTextual()) {
                throw invalid("the value of header " + name + " in " + field + " is not a string");
            }
            String value = e.getValue().asText();
            if (name.length() > MAX || value.length() > MAX) {
                throw invalid("a header in " + field + " is too long");
            }
            if (!TOKEN.matcher(name).matches()) {
                throw invalid("header name \"" + name + "\" in " + field + " is not valid");
            }
            if (OutboundHttp.FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw invalid("header " + name + " in " + field + " is not allowed");
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw invalid(
                        "the value of header "
                                + name
                                + " in "
                                + field
                                + " contains control characters");
            }
            byName.put(name, value);
        }
        byName.forEach(sorted::put);
        return sorted;
    }

    private static InvalidChannelException invalid(String what) {
        return new InvalidChannelException("json validation error: " + what);
    }
}
