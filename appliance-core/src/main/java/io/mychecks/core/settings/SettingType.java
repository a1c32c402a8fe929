package io.mychecks.core.settings;

import java.net.URI;
import java.util.Locale;

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
    MAIL_TEMPLATE;

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
            case DB_KIND:
                String v = raw.toLowerCase(Locale.ROOT);
                return v.equals("sqlite") || v.equals("postgres") || v.equals("postgresql")
                        ? null
                        : "must be sqlite or postgres";
            default:
                return null;
        }
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
