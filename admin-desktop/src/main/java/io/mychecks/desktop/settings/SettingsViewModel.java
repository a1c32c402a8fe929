package io.mychecks.desktop.settings;

import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.Settings;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.Html;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings view: every setting, grouped, checked as it is typed; saving writes only the changed
 * ones, and only when all of them are acceptable; then a restart is offered. A test email goes out
 * with the email settings as typed.
 */
public final class SettingsViewModel {
    private final SettingsSaver saver;
    private final Background background;
    private final Supplier<Settings> current;
    private final Map<String, List<SettingRow>> groups = new LinkedHashMap<>();
    private final Map<String, SettingRow> byName = new LinkedHashMap<>();
    private final StringProperty testAddress = new SimpleStringProperty("");

    /**
     * @param current the settings the appliance runs with (the test email starts from them)
     */
    public SettingsViewModel(SettingsSaver saver, Background background, Supplier<Settings> current)
            throws IOException {
        this.saver = saver;
        this.background = background;
        this.current = current;
        Map<String, String> file = saver.editor().fileValues();
        SettingsCatalog.grouped()
                .forEach(
                        (group, keys) -> {
                            List<SettingRow> rows = new ArrayList<>();
                            for (SettingKey k : keys) {
                                SettingRow row = new SettingRow(k, file.get(k.name()));
                                rows.add(row);
                                byName.put(k.name(), row);
                            }
                            groups.put(group, rows);
                        });
    }

    public Map<String, List<SettingRow>> groups() {
        return groups;
    }

    public SettingRow row(String name) {
        SettingRow r = byName.get(name);
        if (r == null) {
            throw new IllegalArgumentException("unknown setting " + name);
        }
        return r;
    }

    public SettingsSaver saver() {
        return saver;
    }

    public StringProperty testAddressProperty() {
        return testAddress;
    }

    public StringProperty messageProperty() {
        return saver.messageProperty();
    }

    public BooleanProperty errorProperty() {
        return saver.errorProperty();
    }

    public BooleanProperty restartNeededProperty() {
        return saver.restartNeededProperty();
    }

    public BooleanProperty busyProperty() {
        return saver.busyProperty();
    }

    public boolean writable() {
        return saver.writable();
    }

    /** The changed settings, by name. */
    public Map<String, String> changes() {
        return SettingsSaver.changes(byName.values());
    }

    public void save() {
        saver.save(byName.values());
    }

    public void restart() {
        saver.restart();
    }

    /** Puts every setting back to the file's value. */
    public void revert() {
        byName.values().forEach(SettingRow::revert);
        saver.say("Changes discarded.");
    }

    /** Sends a test email with the email settings as typed (saved or not). */
    public void sendTestEmail() {
        String to = testAddress.get() == null ? "" : testAddress.get().strip();
        if (!to.matches("[^@\\s]+@[^@\\s]+")) {
            saver.fail("Enter the address to send the test email to.");
            return;
        }
        Settings s = current.get();
        for (SettingRow r : groups.get(SettingsCatalog.EMAIL)) {
            if (r.problemProperty().get() == null) {
                s = s.with(r.name(), r.value());
            }
        }
        MailSender sender = MailSender.fromSettings(s);
        if (!sender.configured()) {
            saver.fail("EMAIL_HOST is empty: set the SMTP server first.");
            return;
        }
        saver.busyProperty().set(true);
        String site = s.siteName();
        background.run(
                () -> {
                    sender.send(
                            new OutgoingMail(
                                    to,
                                    site + ": test email",
                                    "This is a test email from the "
                                            + site
                                            + " admin console.\n"
                                            + "Outgoing email works.\n",
                                    "<p>This is a test email from the "
                                            + Html.escape(site)
                                            + " admin console.</p><p>Outgoing email works.</p>",
                                    Map.of()));
                    return to;
                },
                sent -> {
                    saver.busyProperty().set(false);
                    saver.say("Test email sent to " + sent + ".");
                },
                problem -> {
                    saver.busyProperty().set(false);
                    saver.fail("The test email was not sent: " + problem);
                });
    }
}
