package io.mychecks.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.testing.SmtpSink;
import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest extends OnTestAppliance {
    SettingsViewModel model;

    @BeforeEach
    void open() throws Exception {
        model = model(true);
    }

    SettingsViewModel model(boolean writable) throws Exception {
        SettingsSaver saver =
                new SettingsSaver(
                        new SettingsEditor(appliance.config),
                        Background.direct(),
                        appliance.service("active", true),
                        writable);
        return new SettingsViewModel(saver, Background.direct(), appliance.ctx::settings);
    }

    @Test
    void everySettingIsListedInItsGroupWithItsDefault() {
        assertThat(model.groups().keySet())
                .containsExactly(
                        "Site",
                        "Database",
                        "Email",
                        "SMTP listener",
                        "Security",
                        "Limits and storage",
                        "Integrations");
        assertThat(model.groups().get("Email"))
                .extracting(SettingRow::name)
                .contains("EMAIL_HOST", "EMAIL_HOST_PASSWORD");
        assertThat(model.groups().get("Database"))
                .extracting(SettingRow::name)
                .contains("DB", "PRUNE_DAILY_AT");
        assertThat(model.row("EMAIL_HOST_PASSWORD").key().secret()).isTrue();
        assertThat(model.row("SITE_NAME").key().defaultValue()).isEqualTo("Mychecks");
        int listed = model.groups().values().stream().mapToInt(java.util.List::size).sum();
        assertThat(listed).isEqualTo(io.mychecks.core.settings.SettingKeys.ALL.size());
    }

    @Test
    void aBadValueIsFlaggedAsTypedAndNothingIsSaved() throws Exception {
        String before = Files.readString(appliance.config);
        model.row("SITE_ROOT").valueProperty().set("not a url");
        assertThat(model.row("SITE_ROOT").problemProperty().get())
                .isEqualTo("must be an http:// or https:// URL");
        model.row("SITE_NAME").valueProperty().set("Ops checks");
        model.save();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get())
                .startsWith("Nothing saved")
                .contains("SITE_ROOT must be");
        assertThat(Files.readString(appliance.config)).isEqualTo(before);
        assertThat(model.restartNeededProperty().get()).isFalse();
    }

    @Test
    void aGoodValueIsSavedInPlaceKeepingCommentsAndThenARestartIsOffered() throws Exception {
        String before = Files.readString(appliance.config);
        model.row("SITE_ROOT").valueProperty().set("https://checks.example.org");
        model.save();
        String after = Files.readString(appliance.config);
        assertThat(model.errorProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("Saved 1 setting").contains("Restart");
        assertThat(after).contains("SITE_ROOT=https://checks.example.org");
        // every comment line of the template is still there
        before.lines().filter(l -> l.startsWith("#")).forEach(l -> assertThat(after).contains(l));
        assertThat(Files.readString(dir.resolve("mychecks.conf.bak"))).isEqualTo(before);
        assertThat(model.restartNeededProperty().get()).isTrue();
        assertThat(model.changes()).isEmpty();

        model.restart();
        assertThat(appliance.commands)
                .contains(
                        java.util.List.of(
                                "systemctl", "--no-ask-password", "restart", "mychecks.service"));
        assertThat(model.restartNeededProperty().get()).isFalse();
    }

    @Test
    void aFailedRestartSaysWhy() {
        appliance.answers.put(
                "systemctl --no-ask-password restart mychecks.service",
                new io.mychecks.desktop.common.CommandRunner.Result(
                        1, "Failed to restart mychecks.service: Access denied"));
        model.restart();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get())
                .contains("Access denied")
                .contains("sudo adduser $USER mychecks");
    }

    @Test
    void clearingAValueRemovesItSoTheDefaultApplies() throws Exception {
        Files.writeString(appliance.config, "# mine\nSITE_NAME=Old\n");
        model = model(true);
        model.row("SITE_NAME").valueProperty().set("");
        model.save();
        assertThat(Files.readString(appliance.config)).isEqualTo("# mine\n");
    }

    @Test
    void aReadOnlyFileIsShownAndNotWritten() throws Exception {
        model = model(false);
        assertThat(model.messageProperty().get())
                .contains("Read-only")
                .contains("sudo adduser $USER mychecks");
        String before = Files.readString(appliance.config);
        model.row("SITE_NAME").valueProperty().set("X");
        model.save();
        assertThat(model.messageProperty().get()).startsWith("Cannot save");
        assertThat(Files.readString(appliance.config)).isEqualTo(before);
    }

    @Test
    void theTestEmailGoesOutWithTheSettingsAsTyped() throws Exception {
        try (SmtpSink smtp = new SmtpSink()) {
            smtp.settings().forEach((k, v) -> model.row(k).valueProperty().set(v));
            model.testAddressProperty().set("ops@example.org");
            model.sendTestEmail();
            assertThat(model.messageProperty().get())
                    .isEqualTo("Test email sent to ops@example.org.");
            assertThat(smtp.single().recipients()).containsExactly("ops@example.org");
            assertThat(smtp.single().subject()).isEqualTo("Mychecks: test email");
        }
    }

    @Test
    void theTestEmailNeedsAnAddressAndAServer() {
        model.sendTestEmail();
        assertThat(model.messageProperty().get())
                .isEqualTo("Enter the address to send the test email to.");
        model.testAddressProperty().set("ops@example.org");
        model.sendTestEmail();
        assertThat(model.messageProperty().get()).contains("EMAIL_HOST is empty");
    }
}
