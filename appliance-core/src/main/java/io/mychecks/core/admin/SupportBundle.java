package io.mychecks.core.admin;

import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipOutputStream;

/**
 * The zip an admin attaches to a support request: the version and status figures, the settings with
 * every secret masked, and the last lines of the daemon's log. It holds no database rows.
 */
public final class SupportBundle {
    private SupportBundle() {}

    /** Writes the bundle to {@code zipFile}. */
    public static void write(
            Path zipFile, ApplianceStatus status, Settings settings, List<String> logLines)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntries.text(zip, "status.txt", statusText(status));
            StringBuilder conf = new StringBuilder();
            settings.redacted()
                    .forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
            ZipEntries.text(zip, "settings.txt", conf.toString());
            ZipEntries.text(zip, "log.txt", String.join("\n", logLines) + "\n");
        }
    }

    static String statusText(ApplianceStatus s) {
        StatusCounts c = s.counts();
        return "version="
                + s.version()
                + "\njava="
                + System.getProperty("java.version")
                + "\nos="
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.version")
                + "\ndatabase="
                + s.databaseKind()
                + "\ndatabase_size="
                + s.databaseSize()
                + "\nchecks="
                + c.checks()
                + "\nchecks_down="
                + c.downChecks()
                + "\npings_last_hour="
                + c.pingsLastHour()
                + "\nnotifications_pending="
                + c.notificationsPending()
                + "\nnotifications_failed="
                + c.notificationsFailed()
                + "\nlast_alert_sent="
                + (c.lastAlertSent() == null ? "never" : c.lastAlertSent())
                + "\nalert_loop_beat="
                + s.alertLoop().map(h -> h.beat().toString()).orElse("never")
                + "\ncollected="
                + s.at()
                + "\n";
    }
}
