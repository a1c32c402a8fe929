package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.notify.ConfigErrors;
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
 * Validates the fields of a new webhook channel ({@link WebhookConfig}), recording each field's
 * first problem.
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

    private final ObjectNode request;
    private final ConfigErrors errors;

    private WebhookConfigParser(ObjectNode request, ConfigErrors errors) {
        this.request = request;
        this.errors = errors;
    }

    /** Parses a request's fields; returns null after recording the problems in {@code errors}. */
    static WebhookConfig parse(ObjectNode request, ConfigErrors errors) {
        WebhookConfigParser p = new WebhookConfigParser(request, errors);
        WebhookSpec down = p.spec("_down");
        WebhookSpec up = p.spec("_up");
        if (errors.isEmpty() && down.isEmpty() && up.isEmpty()) {
            errors.add("url_down", "at least one of url_down and url_up is required");
        }
        return errors.isEmpty() ? new WebhookConfig(down, up) : null;
    }

    private WebhookSpec spec(String dir) {
        return new WebhookSpec(
                method("method" + dir),
                url("url" + dir),
                string("body" + dir),
                headers("headers" + dir));
    }

    private String string(String field) {
        JsonNode v = request.get(field);
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            errors.add(field, field + " is not a string");
            return "";
        }
        if (v.asText().length() > MAX) {
            errors.add(field, field + " is too long");
            return "";
        }
        return v.asText();
    }

    private String method(String field) {
        if (!request.has(field)) {
            return "GET";
        }
        String m = string(field);
        if (!errors.has(field) && !METHODS.contains(m)) {
            errors.add(field, field + " has unexpected value");
        }
        return m;
    }

    private String url(String field) {
        String url = string(field).strip();
        if (url.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(field, field + " is not a valid http or https URL");
            }
        } catch (URISyntaxException e) {
            errors.add(field, field + " is not a valid http or https URL");
        }
        return url;
    }

    private Map<String, String> headers(String field) {
        JsonNode v = request.get(field);
        Map<String, String> byName = new TreeMap<>();
        if (v == null) {
            return byName;
        }
        if (!v.isObject()) {
            errors.add(field, field + " is not an object");
            return byName;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String problem = headerProblem(field, e.getKey(), e.getValue());
            if (problem != null) {
                // one problem per field: the first header at fault
                errors.add(field, problem);
                return byName;
            }
            byName.put(e.getKey(), e.getValue().asText());
        }
        return byName;
    }

    private static String headerProblem(String field, String name, JsonNode node) {
        if (!node.isTextual()) {
            return "the value of header " + name + " in " + field + " is not a string";
        }
        String value = node.asText();
        if (name.length() > MAX || value.length() > MAX) {
            return "a header in " + field + " is too long";
        }
        if (!TOKEN.matcher(name).matches()) {
            return "header name \"" + name + "\" in " + field + " is not valid";
        }
        if (OutboundHttp.FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return "header " + name + " in " + field + " is not allowed";
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            return "the value of header " + name + " in " + field + " contains control characters";
        }
        return null;
    }
}
