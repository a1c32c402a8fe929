package io.mychecks.desktop.settings;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every setting core documents, in the console's groups, each group in core's order. */
public final class SettingsCatalog {
    public static final String SITE = "Site";
    public static final String DATABASE = "Database";
    public static final String EMAIL = "Email";
    public static final String SMTP = "SMTP listener";
    public static final String SECURITY = "Security";
    public static final String LIMITS = "Limits and storage";
    public static final String INTEGRATIONS = "Integrations";

    private static final Set<String> SECURITY_KEYS =
            Set.of(
                    "SECRET_KEY",
                    "ALLOWED_HOSTS",
                    "METRICS_KEY",
                    "SECURE_PROXY_SSL_HEADER",
                    "TRUSTED_PROXIES",
                    "REMOTE_USER_HEADER",
                    "RP_ID",
                    "REGISTRATION_OPEN");
    private static final Set<String> SMTP_KEYS = Set.of("SMTP_LISTEN", "PING_EMAIL_DOMAIN");

    private SettingsCatalog() {}

    /** The group a setting is shown in. */
    public static String groupOf(String name) {
        if (SECURITY_KEYS.contains(name)) {
            return SECURITY;
        }
        if (SMTP_KEYS.contains(name)) {
            return SMTP;
        }
        if (name.equals("DB") || name.startsWith("DB_") || name.equals("PRUNE_DAILY_AT")) {
            return DATABASE;
        }
        if (name.startsWith("EMAIL_") || name.equals("DEFAULT_FROM_EMAIL")) {
            return EMAIL;
        }
        if (name.equals("PING_BODY_LIMIT") || name.startsWith("S3_")) {
            return LIMITS;
        }
        if (name.startsWith("INTEGRATIONS_")
                || name.endsWith("_ENABLED")
                || isIntegrationKey(name)) {
            return INTEGRATIONS;
        }
        return SITE;
    }

    private static boolean isIntegrationKey(String name) {
        for (String prefix :
                List.of(
                        "DISCORD_",
                        "GITHUB_",
                        "MATRIX_",
                        "NTFY_",
                        "PD_",
                        "PUSHOVER_",
                        "PUSHBULLET_",
                        "SIGNAL_",
                        "SLACK_",
                        "TELEGRAM_",
                        "TWILIO_",
                        "WHATSAPP_",
                        "TRELLO_")) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The groups in display order, each with its settings. */
    public static Map<String, List<SettingKey>> grouped() {
        Map<String, List<SettingKey>> groups = new LinkedHashMap<>();
        for (String g : List.of(SITE, DATABASE, EMAIL, SMTP, SECURITY, LIMITS, INTEGRATIONS)) {
            groups.put(g, new ArrayList<>());
        }
        for (SettingKey k : SettingKeys.ALL) {
            groups.get(groupOf(k.name())).add(k);
        }
        return groups;
    }
}
