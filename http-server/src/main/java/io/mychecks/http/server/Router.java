package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a request path against route patterns, in the order they were added. A pattern is a path
 * whose segments are literal or {@code {name}} (any one non-empty segment); a pattern ending in
 * {@code /*} matches any rest of the path. Paths are matched exactly, trailing slash included; a
 * GET or HEAD that only lacks the trailing slash is redirected to it (301), as client libraries
 * expect. A known path with a method it does not take answers 405. A path with {@code ;} path
 * parameters matches nothing (404), and an encoded slash ({@code %2F}) is a separator, as in the
 * reference (see {@link HttpServer}).
 */
public final class Router implements HttpHandler {
    private static final AttachmentKey<Map<String, String>> PARAMS =
            AttachmentKey.create(Map.class);

    private record Route(
            Set<String> methods, String[] segments, boolean prefix, HttpHandler handler) {}

    private final List<Route> routes = new ArrayList<>();
    private final HttpHandler notFound;

    public Router(HttpHandler notFound) {
        this.notFound = notFound;
    }

    /** Adds a route for the given methods ({@code "*"} for any method). */
    public Router add(String methods, String pattern, HttpHandler handler) {
        boolean prefix = pattern.endsWith("/*");
        String path = prefix ? pattern.substring(0, pattern.length() - 2) : pattern;
        Set<String> set = new LinkedHashSet<>(List.of(methods.split(",")));
        routes.add(new Route(set, split(path), prefix, handler));
        return this;
    }

    /** Returns the value of path parameter {@code name} of the matched route. */
    public static String param(HttpServerExchange exchange, String name) {
        Map<String, String> params = exchange.getAttachment(PARAMS);
        return params == null ? null : params.get(name);
    }

    /** True when the route's {@code {version}} is an API version: v1, v2 or v3. */
    public static boolean apiVersionKnown(HttpServerExchange exchange) {
        String v = param(exchange, "version");
        return "v1".equals(v) || "v2".equals(v) || "v3".equals(v);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (hasPathParameters(exchange)) {
            notFound.handleRequest(exchange);
            return;
        }
        String path = exchange.getRelativePath();
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route, segments);
            if (params == null) {
                continue;
            }
            String method = exchange.getRequestMethod().toString();
            if (route.methods.contains("*") || route.methods.contains(method)) {
                exchange.putAttachment(PARAMS, params);
                route.handler.handleRequest(exchange);
                return;
            }
            allowed.addAll(route.methods);
        }
        if (!allowed.isEmpty()) {
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
            exchange.endExchange();
            return;
        }
        if (!path.endsWith("/") && matchesAny(split(path + "/"))) {
            redirectToSlash(exchange, path);
            return;
        }
        notFound.handleRequest(exchange);
    }

    /**
     * Undertow cuts {@code ;name=value} path parameters off the path it matches; the reference does
     * not, so no route of it matches such a path ({@code /ping/<uuid>;x} is 404, not a ping).
     */
    private static boolean hasPathParameters(HttpServerExchange exchange) {
        return exchange.getRequestURI().indexOf(';') >= 0
                || !exchange.getPathParameters().isEmpty();
    }

    private boolean matchesAny(String[] segments) {
        for (Route r : routes) {
            if (!r.prefix && match(r, segments) != null) {
                return true;
            }
        }
        return false;
    }

    private static void redirectToSlash(HttpServerExchange exchange, String path) {
        HttpString method = exchange.getRequestMethod();
        boolean safe = method.equals(Methods.GET) || method.equals(Methods.HEAD);
        // 301 for GET and HEAD as the reference does; 308 keeps the method and body of a POST
        exchange.setStatusCode(
                safe ? StatusCodes.MOVED_PERMANENTLY : StatusCodes.PERMANENT_REDIRECT);
        String query = exchange.getQueryString();
        String location =
                exchange.getResolvedPath()
                        + path
                        + "/"
                        + (query == null || query.isEmpty() ? "" : "?" + query);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.endExchange();
    }

    private static Map<String, String> match(Route route, String[] segments) {
        String[] pattern = route.segments;
        if (route.prefix ? segments.length < pattern.length : segments.length != pattern.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(p.substring(1, p.length() - 1), segments[i]);
            } else if (!p.equals(segments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /** Splits "/a/b/" into ["a", "b", ""], keeping the trailing empty segment. */
    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
