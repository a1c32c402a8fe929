package io.mychecks.core.settings;

/** A {@code host:port} listen address, as in {@code HTTP_LISTEN=0.0.0.0:8000}. */
public record Listen(String host, int port) {

    /** Parses {@code host:port} ({@code [::1]:8000} for IPv6); throws IllegalArgumentException. */
    public static Listen parse(String raw) {
        String p = problem(raw);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
        int colon = raw.lastIndexOf(':');
        String host = raw.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Listen(host, Integer.parseInt(raw.substring(colon + 1)));
    }

    static String problem(String raw) {
        int colon = raw.lastIndexOf(':');
        if (colon <= 0) {
            return "must be host:port";
        }
        try {
            int port = Integer.parseInt(raw.substring(colon + 1));
            return port >= 0 && port <= 65535 ? null : "port must be 0-65535";
        } catch (NumberFormatException e) {
            return "must be host:port";
        }
    }

    /** The address as a URL authority, with brackets for IPv6. */
    public String authority() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return h + ":" + port;
    }
}
