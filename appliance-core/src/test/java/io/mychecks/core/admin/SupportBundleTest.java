package io.mychecks.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportBundleTest {
    @TempDir Path dir;

    @Test
    void theBundleHoldsStatusSettingsWithSecretsMaskedAndTheLog() throws Exception {
        Settings settings =
                Settings.of(
                        Map.of(
                                "SECRET_KEY",
                                "very-secret",
                                "EMAIL_HOST_PASSWORD",
                                "hunter2",
                                "SITE_NAME",
                                "Ops"));
        ApplianceStatus status =
                new ApplianceStatus(
                        "1.2.3",
                        "SQLite",
                        "SQLite /x",
                        4096,
                        new StatusCounts(3, 1, 7, 0, 2, null),
                        Optional.empty(),
                        Instant.parse("2026-03-01T12:00:00Z"));
        Path zip = dir.resolve("bundle.zip");
        SupportBundle.write(zip, status, settings, List.of("12:00:00 INFO [main] Serve: started"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String conf =
                    new String(
                            z.getInputStream(z.getEntry("settings.txt")).readAllBytes(),
                            StandardCharsets.UTF_8);
            String st =
                    new String(
                            z.getInputStream(z.getEntry("status.txt")).readAllBytes(),
                            StandardCharsets.UTF_8);
            String log =
                    new String(
                            z.getInputStream(z.getEntry("log.txt")).readAllBytes(),
                            StandardCharsets.UTF_8);
            assertThat(conf)
                    .contains("SITE_NAME=Ops", "SECRET_KEY=****", "EMAIL_HOST_PASSWORD=****");
            assertThat(conf).doesNotContain("very-secret", "hunter2");
            assertThat(st)
                    .contains(
                            "version=1.2.3",
                            "checks=3",
                            "checks_down=1",
                            "notifications_failed=2",
                            "last_alert_sent=never");
            assertThat(log).contains("Serve: started");
        }
    }
}
