package io.mychecks.core.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The resolved, validated settings of one process. Values come from {@link SettingsLoader}
 * (environment, then settings file, then defaults); the accessors here add the derived defaults the
 * reference has (PING_ENDPOINT from SITE_ROOT, and so on).
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Returns settings made of the defaults overlaid with {@code given}; throws {@link
     * InvalidSettingException} naming the first key with a bad value.
     */
    public static Settings of(Map<String, String> given) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (SettingKey key : SettingKeys.ALL) {
            merged.put(key.name(), key.defaultValue());
        }
        given.forEach(
                (k, v) -> {
                    if (v != null) {
                        merged.put(k, v.trim());
                    }
                });
        for (SettingKey key : SettingKeys.ALL) {
            String problem = key.type().problem(merged.get(key.name()));
            if (problem != null) {
                throw new InvalidSettingException(key.name(), problem);
            }
        }
        Settings settings = new Settings(merged);
        if (settings.usesPostgres()) {
            String name = settings.postgresDatabase();
            if (name.getBytes(StandardCharsets.UTF_8).length > 63
                    || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidSettingException(
                        "DB_NAME",
                        "must be a PostgreSQL database name: at most 63 bytes, no control"
                                + " characters");
            }
        }
        return settings;
    }

    /** Returns a copy with one value replaced (validated). */
    public Settings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return of(copy);
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean bool(String key) {
        return "True".equals(get(key)) || (get(key).isEmpty() && "True".equals(defaultOf(key)));
    }

    public int integer(String key) {
        String v = get(key);
        return Integer.parseInt(v.isEmpty() ? defaultOf(key) : v);
    }

    private static String defaultOf(String key) {
        return SettingKeys.find(key).map(SettingKey::defaultValue).orElse("");
    }

    public Path dataDir() {
        return Path.of(get("DATA_DIR"));
    }

    public Listen httpListen() {
        return Listen.parse(get("HTTP_LISTEN"));
    }

    /** The SMTP listen address, empty when SMTP_LISTEN is set to an empty value. */
    public Optional<Listen> smtpListen() {
        String v = get("SMTP_LISTEN");
        return v.isEmpty() ? Optional.empty() : Optional.of(Listen.parse(v));
    }

    /** SITE_ROOT without a trailing slash. */
    public String siteRoot() {
        String root = get("SITE_ROOT");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String siteName() {
        return get("SITE_NAME");
    }

    public String pingEndpoint() {
        String v = get("PING_ENDPOINT");
        return v.isEmpty() ? siteRoot() + "/ping/" : v;
    }

    public String masterBadgeLabel() {
        String v = get("MASTER_BADGE_LABEL");
        return v.isEmpty() ? siteName() : v;
    }

    public String pingEmailDomain() {
        return get("PING_EMAIL_DOMAIN");
    }

    /** Bytes of a ping body (HTTP body or raw email) to keep; empty = unlimited. */
    public OptionalInt pingBodyLimit() {
        String v = get("PING_BODY_LIMIT");
        return v.isEmpty() || v.equals("None")
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(v));
    }

    public String secretKey() {
        return get("SECRET_KEY");
    }

    /** The proxies whose {@code X-Forwarded-For} is believed (TRUSTED_PROXIES). */
    public AddressRanges trustedProxies() {
        return AddressRanges.parse(get("TRUSTED_PROXIES"));
    }

    /** The header and value by which a TLS proxy says the client used https, if set. */
    public Optional<ProxySslHeader> secureProxySslHeader() {
        return ProxySslHeader.parse(get("SECURE_PROXY_SSL_HEADER"));
    }

    /**
     * The SQLite database file: DB_NAME, else {@code mychecks.sqlite} in DATA_DIR. Meaningless when
     * {@link #usesPostgres()}.
     */
    public Path sqliteFile() {
        String name = get("DB_NAME");
        return name.isEmpty() ? dataDir().resolve("mychecks.sqlite") : Path.of(name);
    }

    /** Where the database is, for people: an SQLite file or PostgreSQL host:port/name. */
    public String databaseLocation() {
        if (!usesPostgres()) {
            return "SQLite " + sqliteFile().toAbsolutePath().normalize();
        }
        String host = get("DB_HOST").isEmpty() ? "127.0.0.1" : get("DB_HOST");
        String port = get("DB_PORT").isEmpty() ? "5432" : get("DB_PORT");
        return "PostgreSQL " + host + ":" + port + "/" + postgresDatabase();
    }

    /** The PostgreSQL database name: DB_NAME, else {@code hc}. */
    public String postgresDatabase() {
        return get("DB_NAME").isEmpty() ? "hc" : get("DB_NAME");
    }

    /**
     * The log file {@code serve} writes when it does not run under systemd's journal, and the admin
     * console follows: {@code mychecks.log} in DATA_DIR.
     */
    public Path daemonLogFile() {
        return dataDir().resolve("mychecks.log");
    }

    /** When the daemon runs the daily prune (server-local time); empty when it never does. */
    public Optional<java.time.LocalTime> pruneDailyAt() {
        String v = get("PRUNE_DAILY_AT");
        return v.isEmpty() ? Optional.empty() : Optional.of(java.time.LocalTime.parse(v));
    }

    public boolean usesPostgres() {
        return get("DB").toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /** Returns the values with every secret replaced by {@code ****}, safe to log or show. */
    public Map<String, String> redacted() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach(
                (k, v) -> {
                    boolean secret = SettingKeys.find(k).map(SettingKey::secret).orElse(false);
                    out.put(k, secret && !v.isEmpty() ? "****" : v);
                });
        return out;
    }
}
