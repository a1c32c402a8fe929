package io.mychecks.core.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The kinds of value a setting may hold; each checks a raw string and says what is wrong. */
public enum SettingType {
    STRING,
    /** {@code True}, {@code False} or empty (the default), as the reference accepts. */
    BOOLEAN,
    INTEGER,
    /** An integer, or {@code None} / empty for "no limit". */
    OPTIONAL_INTEGER,
    /** {@code host:port}; never empty. */
    LISTEN,
    /** {@code host:port}, or empty for "off". */
    OPTIONAL_LISTEN,
    URL,
    DB_KIND,
    /** An address with {@code %s} in it, such as {@code bounces+%s@example.org}, or empty. */
    MAIL_TEMPLATE,
    /** A host name, an IPv4 address or a bracketed IPv6 address, or empty. */
    HOST,
    /** A TCP port 1 to 65535, or empty. */
    PORT,
    /** A libpq {@code sslmode}: disable, allow, prefer, require, verify-ca or verify-full. */
    SSL_MODE,
    /** A libpq {@code target_session_attrs}: any, read-write, read-only, primary, standby… */
    SESSION_ATTRS,
    /** Comma-separated IP addresses and CIDR ranges, or empty. */
    ADDRESS_LIST,
    /** {@code HEADER,value}, such as {@code HTTP_X_FORWARDED_PROTO,https}, or empty. */
    PROXY_SSL_HEADER,
    /** A 24-hour local time {@code HH:MM}, such as {@code 03:30}, or empty for "never". */
    TIME_OF_DAY;

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** A DNS name (letters, digits, dots, hyphens, underscores) or an IPv4 address. */
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})");

    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final Set<String> SESSION_ATTRS_VALUES =
            Set.of("any", "read-write", "read-only", "primary", "standby", "prefer-standby");

    /** Returns null when {@code raw} is acceptable, else a short reason. */
    String problem(String raw) {
        if (raw.isEmpty()) {
            return this == LISTEN ? "must be host:port" : null;
        }
        switch (this) {
            case BOOLEAN:
                return raw.equals("True") || raw.equals("False") ? null : "must be True or False";
            case INTEGER:
                return isInteger(raw) ? null : "must be a whole number";
            case OPTIONAL_INTEGER:
                return raw.equals("None") || isInteger(raw)
                        ? null
                        : "must be a whole number or None";
            case LISTEN:
            case OPTIONAL_LISTEN:
                return Listen.problem(raw);
            case URL:
                return isHttpUrl(raw) ? null : "must be an http:// or https:// URL";
            case MAIL_TEMPLATE:
                return raw.contains("%s") && raw.indexOf('@') > raw.indexOf("%s")
                        ? null
                        : "must be an address with %s before the @, like bounces+%s@example.org";
            case HOST:
                return HOST_NAME.matcher(raw).matches() || BRACKETED_IPV6.matcher(raw).matches()
                        ? null
                        : "must be a host name or an IP address (IPv6 in brackets);"
                                + " Unix socket directories are not supported";
            case PORT:
                return isInteger(raw)
                                && Integer.parseInt(raw.trim()) >= 1
                                && Integer.parseInt(raw.trim()) <= 65535
                        ? null
                        : "must be a port number from 1 to 65535";
            case SSL_MODE:
                return SSL_MODES.contains(raw) ? null : "must be one of " + sorted(SSL_MODES);
            case SESSION_ATTRS:
                return SESSION_ATTRS_VALUES.contains(raw)
                        ? null
                        : "must be one of " + sorted(SESSION_ATTRS_VALUES);
            case ADDRESS_LIST:
                return AddressRanges.problem(raw);
            case PROXY_SSL_HEADER:
                return ProxySslHeader.problem(raw);
            case TIME_OF_DAY:
                return HH_MM.matcher(raw).matches() ? null : "must be a time HH:MM, like 03:30";
            case DB_KIND:
                String v = raw.toLowerCase(Locale.ROOT);
                return v.equals("sqlite") || v.equals("postgres") || v.equals("postgresql")
                        ? null
                        : "must be sqlite or postgres";
            default:
                return null;
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private static boolean isInteger(String raw) {
        try {
            // int, not long: the accessors parse with Integer.parseInt
            return Integer.parseInt(raw.trim()) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
