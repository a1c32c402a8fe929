package io.mychecks.core.settings;

import static io.mychecks.core.settings.SettingType.ADDRESS_LIST;
import static io.mychecks.core.settings.SettingType.BOOLEAN;
import static io.mychecks.core.settings.SettingType.DB_KIND;
import static io.mychecks.core.settings.SettingType.HOST;
import static io.mychecks.core.settings.SettingType.INTEGER;
import static io.mychecks.core.settings.SettingType.LISTEN;
import static io.mychecks.core.settings.SettingType.MAIL_TEMPLATE;
import static io.mychecks.core.settings.SettingType.OPTIONAL_INTEGER;
import static io.mychecks.core.settings.SettingType.OPTIONAL_LISTEN;
import static io.mychecks.core.settings.SettingType.PORT;
import static io.mychecks.core.settings.SettingType.PROXY_SSL_HEADER;
import static io.mychecks.core.settings.SettingType.SESSION_ATTRS;
import static io.mychecks.core.settings.SettingType.SSL_MODE;
import static io.mychecks.core.settings.SettingType.STRING;
import static io.mychecks.core.settings.SettingType.TIME_OF_DAY;
import static io.mychecks.core.settings.SettingType.URL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Mychecks reads, with the reference's names and defaults (and ours where DESIGN.md
 * says so). {@code config/mychecks.conf} documents the same list for admins.
 */
public final class SettingKeys {
    private static final String NOT_YET =
            "no effect yet; the integration arrives in a later release";

    private static final String NO_PAGES = "no effect yet: the web UI does not use it";

    public static final List<SettingKey> ALL =
            List.of(
                    SettingKey.of(
                            "DATA_DIR",
                            STRING,
                            "./data",
                            "where the SQLite database and secret key live"),
                    SettingKey.of(
                            "HTTP_LISTEN", LISTEN, "127.0.0.1:8000", "address of the web server"),
                    SettingKey.of(
                            "SMTP_LISTEN",
                            OPTIONAL_LISTEN,
                            "127.0.0.1:2525",
                            "address of the SMTP listener; empty = off"),
                    SettingKey.secret(
                            "SECRET_KEY",
                            "signing key; generated into DATA_DIR/secret.key when unset"),
                    SettingKey.of(
                            "DEBUG", BOOLEAN, "False", "no effect yet; errors never show details"),
                    SettingKey.of("ALLOWED_HOSTS", STRING, "*", "comma-separated host names"),
                    SettingKey.of(
                            "DEFAULT_FROM_EMAIL", STRING, "mychecks@example.org", "From address"),
                    SettingKey.of("SUPPORT_EMAIL", STRING, "", NO_PAGES),
                    SettingKey.of("USE_PAYMENTS", BOOLEAN, "False", "no effect; no billing"),
                    SettingKey.of(
                            "REGISTRATION_OPEN",
                            BOOLEAN,
                            "True",
                            "anyone may sign up at /accounts/signup/ (needs email)"),
                    SettingKey.of(
                            "ADMINS", STRING, "", "no effect yet; no error reports are mailed"),
                    SettingKey.secret("METRICS_KEY", "X-Metrics-Key that opens /api/vN/metrics/"),
                    SettingKey.of(
                            "SECURE_PROXY_SSL_HEADER",
                            PROXY_SSL_HEADER,
                            "",
                            "HEADER,value set by a TLS proxy"),
                    SettingKey.of(
                            "TRUSTED_PROXIES",
                            ADDRESS_LIST,
                            "",
                            "proxies whose X-Forwarded-For is believed (IPs and CIDRs)"),
                    SettingKey.of("USE_GZIP_MIDDLEWARE", BOOLEAN, "False", "gzip responses"),
                    SettingKey.of(
                            "REMOTE_USER_HEADER",
                            STRING,
                            "",
                            "request header with the email of a user an authenticating proxy logged in"),
                    SettingKey.of("DB", DB_KIND, "sqlite", "sqlite or postgres"),
                    SettingKey.of(
                            "DB_NAME",
                            STRING,
                            "",
                            "SQLite file (default DATA_DIR/mychecks.sqlite) or database name (default hc)"),
                    SettingKey.of("DB_HOST", HOST, "", "PostgreSQL host (default 127.0.0.1)"),
                    SettingKey.of("DB_PORT", PORT, "", "PostgreSQL port (default 5432)"),
                    SettingKey.of("DB_USER", STRING, "postgres", "PostgreSQL user"),
                    SettingKey.secret("DB_PASSWORD", "PostgreSQL password"),
                    SettingKey.of(
                            "DB_CONN_MAX_AGE",
                            STRING,
                            "0",
                            "no effect; Mychecks keeps a connection pool"),
                    SettingKey.of("DB_SSLMODE", SSL_MODE, "prefer", "PostgreSQL sslmode"),
                    SettingKey.of(
                            "DB_TARGET_SESSION_ATTRS",
                            SESSION_ATTRS,
                            "read-write",
                            "PostgreSQL targetServerType"),
                    SettingKey.of(
                            "PRUNE_DAILY_AT",
                            TIME_OF_DAY,
                            "",
                            "local time HH:MM the daemon runs the five prune tasks; empty = never"),
                    SettingKey.of(
                            "SITE_ROOT",
                            URL,
                            "http://localhost:8000",
                            "absolute base URL of the site"),
                    SettingKey.of("SITE_NAME", STRING, "Mychecks", "product name in messages"),
                    SettingKey.of("SITE_LOGO_URL", STRING, "", NO_PAGES),
                    SettingKey.of(
                            "MASTER_BADGE_LABEL",
                            STRING,
                            "",
                            "label of the all-checks badge (default SITE_NAME)"),
                    SettingKey.of(
                            "PING_ENDPOINT",
                            STRING,
                            "",
                            "shown ping URL prefix (default SITE_ROOT/ping/)"),
                    SettingKey.of(
                            "PING_EMAIL_DOMAIN",
                            STRING,
                            "localhost",
                            "domain of ping email addresses"),
                    SettingKey.of(
                            "PING_BODY_LIMIT",
                            OPTIONAL_INTEGER,
                            "10000",
                            "bytes kept per ping body (HTTP body or raw email); None = unlimited"),
                    SettingKey.of(
                            "EMAIL_HOST", STRING, "", "outgoing SMTP server; empty = no email"),
                    SettingKey.of("EMAIL_PORT", INTEGER, "587", "outgoing SMTP port"),
                    SettingKey.of("EMAIL_HOST_USER", STRING, "", "SMTP user"),
                    SettingKey.secret("EMAIL_HOST_PASSWORD", "SMTP password"),
                    SettingKey.of("EMAIL_USE_TLS", BOOLEAN, "True", "STARTTLS"),
                    SettingKey.of("EMAIL_USE_SSL", BOOLEAN, "False", "implicit TLS"),
                    SettingKey.of(
                            "EMAIL_USE_VERIFICATION",
                            BOOLEAN,
                            "True",
                            "verify added email addresses"),
                    SettingKey.of(
                            "EMAIL_MAIL_FROM_TMPL",
                            MAIL_TEMPLATE,
                            "",
                            "envelope sender template; bounces go to it"),
                    SettingKey.of("RP_ID", STRING, "", NO_PAGES),
                    SettingKey.of("STATSD_HOST", STRING, "", NOT_YET),
                    SettingKey.of(
                            "S3_ACCESS_KEY", STRING, "", "no effect; bodies stay in the database"),
                    SettingKey.secret("S3_SECRET_KEY", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "S3_ENDPOINT", STRING, "", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "S3_REGION", STRING, "", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "S3_BUCKET", STRING, "", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "S3_TIMEOUT", INTEGER, "60", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "S3_SECURE", BOOLEAN, "True", "no effect; bodies stay in the database"),
                    SettingKey.of(
                            "INTEGRATIONS_ALLOW_PRIVATE_IPS",
                            BOOLEAN,
                            "False",
                            "let webhooks reach private and loopback addresses"),
                    SettingKey.of("WEBHOOKS_ENABLED", BOOLEAN, "True", "webhook integration"),
                    SettingKey.of("APPRISE_ENABLED", BOOLEAN, "False", NOT_YET),
                    SettingKey.of("SHELL_ENABLED", BOOLEAN, "False", NOT_YET),
                    SettingKey.of("MATTERMOST_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("MSTEAMS_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("OPSGENIE_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("PAGERTREE_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("PD_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of(
                            "PROMETHEUS_ENABLED",
                            BOOLEAN,
                            "True",
                            "serve the Prometheus metrics of projects"),
                    SettingKey.of("ROCKETCHAT_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("SLACK_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("SPIKE_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("VICTOROPS_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("ZULIP_ENABLED", BOOLEAN, "True", NOT_YET),
                    SettingKey.of("DISCORD_CLIENT_ID", STRING, "", NOT_YET),
                    SettingKey.secret("DISCORD_CLIENT_SECRET", NOT_YET),
                    SettingKey.of("GITHUB_CLIENT_ID", STRING, "", NOT_YET),
                    SettingKey.secret("GITHUB_CLIENT_SECRET", NOT_YET),
                    SettingKey.secret("GITHUB_PRIVATE_KEY", NOT_YET),
                    SettingKey.of("GITHUB_PUBLIC_LINK", STRING, "", NOT_YET),
                    SettingKey.of("MATRIX_HOMESERVER", STRING, "", NOT_YET),
                    SettingKey.of("MATRIX_USER_ID", STRING, "", NOT_YET),
                    SettingKey.secret("MATRIX_ACCESS_TOKEN", NOT_YET),
                    SettingKey.secret("NTFY_SH_TOKEN", NOT_YET),
                    SettingKey.of("PD_APP_ID", STRING, "", NOT_YET),
                    SettingKey.of("PD_VENDOR_KEY", STRING, "", NOT_YET),
                    SettingKey.secret("PUSHOVER_API_TOKEN", NOT_YET),
                    SettingKey.of("PUSHOVER_SUBSCRIPTION_URL", STRING, "", NOT_YET),
                    SettingKey.of("PUSHOVER_EMERGENCY_RETRY_DELAY", INTEGER, "300", NOT_YET),
                    SettingKey.of("PUSHOVER_EMERGENCY_EXPIRATION", INTEGER, "86400", NOT_YET),
                    SettingKey.of("PUSHBULLET_CLIENT_ID", STRING, "", NOT_YET),
                    SettingKey.secret("PUSHBULLET_CLIENT_SECRET", NOT_YET),
                    SettingKey.of("SIGNAL_CLI_SOCKET", STRING, "", NOT_YET),
                    SettingKey.of("SLACK_CLIENT_ID", STRING, "", NOT_YET),
                    SettingKey.secret("SLACK_CLIENT_SECRET", NOT_YET),
                    SettingKey.of("TELEGRAM_BOT_NAME", STRING, "ExampleBot", NOT_YET),
                    SettingKey.secret("TELEGRAM_TOKEN", NOT_YET),
                    SettingKey.of("TWILIO_ACCOUNT", STRING, "", NOT_YET),
                    SettingKey.secret("TWILIO_AUTH", NOT_YET),
                    SettingKey.of("TWILIO_FROM", STRING, "", NOT_YET),
                    SettingKey.of("TWILIO_MESSAGING_SERVICE_SID", STRING, "", NOT_YET),
                    SettingKey.of("TWILIO_USE_WHATSAPP", BOOLEAN, "False", NOT_YET),
                    SettingKey.of("WHATSAPP_DOWN_CONTENT_SID", STRING, "", NOT_YET),
                    SettingKey.of("WHATSAPP_UP_CONTENT_SID", STRING, "", NOT_YET),
                    SettingKey.secret("TRELLO_APP_KEY", NOT_YET));

    private static final Map<String, SettingKey> BY_NAME = new LinkedHashMap<>();

    static {
        for (SettingKey k : ALL) {
            BY_NAME.put(k.name(), k);
        }
    }

    private SettingKeys() {}

    public static Optional<SettingKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * What is wrong with {@code raw} as the value of {@code name}, in a few words ("must be True or
     * False"); empty when it is acceptable, and for keys Mychecks does not know (they are kept as
     * they are). The same rule start-up applies, for editors that check values as they are typed.
     */
    public static Optional<String> problem(String name, String raw) {
        SettingKey key = BY_NAME.get(name);
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(key.type().problem(raw == null ? "" : raw.strip()));
    }
}
