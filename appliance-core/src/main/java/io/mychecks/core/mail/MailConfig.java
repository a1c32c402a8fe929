package io.mychecks.core.mail;

import io.mychecks.core.settings.Settings;
import java.time.Duration;

/**
 * How to reach the outgoing SMTP server. An empty {@code host} means email is not configured.
 *
 * @param startTls upgrade a plain connection with STARTTLS (EMAIL_USE_TLS)
 * @param implicitTls connect with TLS from the first byte (EMAIL_USE_SSL); wins over startTls
 * @param from the From address, {@code addr} or {@code Name <addr>} (DEFAULT_FROM_EMAIL)
 * @param timeout bound on connecting and on each read and write
 */
public record MailConfig(
        String host,
        int port,
        String user,
        String password,
        boolean startTls,
        boolean implicitTls,
        String from,
        Duration timeout) {

    /** The connect/read/write bound used unless a test asks for another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Returns the configuration the EMAIL_* settings and DEFAULT_FROM_EMAIL describe. */
    public static MailConfig from(Settings settings) {
        return new MailConfig(
                settings.get("EMAIL_HOST"),
                settings.integer("EMAIL_PORT"),
                settings.get("EMAIL_HOST_USER"),
                settings.get("EMAIL_HOST_PASSWORD"),
                settings.bool("EMAIL_USE_TLS"),
                settings.bool("EMAIL_USE_SSL"),
                settings.get("DEFAULT_FROM_EMAIL"),
                DEFAULT_TIMEOUT);
    }

    public MailConfig withTimeout(Duration t) {
        return new MailConfig(host, port, user, password, startTls, implicitTls, from, t);
    }

    /** Hides the password, so the record is safe to log. */
    @Override
    public String toString() {
        return "MailConfig["
                + host
                + ":"
                + port
                + ", user="
                + user
                + ", startTls="
                + startTls
                + ", implicitTls="
                + implicitTls
                + ", from="
                + from
                + "]";
    }
}
