package io.mychecks.desktop.settings;

import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import io.mychecks.desktop.common.Problems;
import io.mychecks.desktop.common.ServiceControl;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/**
 * Saving edited settings and restarting after, as the settings, integrations and database views all
 * do it: only changed values are written, only when every one is acceptable; then a restart is
 * offered. Holds the view's message line.
 */
public final class SettingsSaver {
    private final SettingsEditor editor;
    private final Background background;
    private final ServiceControl service;
    private final boolean writable;
    private final MessageLine message = new MessageLine();
    private final BooleanProperty restartNeeded = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SettingsSaver(
            SettingsEditor editor,
            Background background,
            ServiceControl service,
            boolean writable) {
        this.editor = editor;
        this.background = background;
        this.service = service;
        this.writable = writable;
        if (!writable) {
            fail(
                    "Read-only: you may not write "
                            + editor.file()
                            + " ("
                            + Problems.JOIN_GROUP
                            + ")");
        }
    }

    /** The changed rows' values, by name. */
    public static Map<String, String> changes(Collection<SettingRow> rows) {
        Map<String, String> changes = new LinkedHashMap<>();
        rows.stream().filter(SettingRow::changed).forEach(r -> changes.put(r.name(), r.value()));
        return changes;
    }

    /** Saves the changed rows, or says what to fix and saves nothing. */
    public void save(Collection<SettingRow> rows) {
        Map<String, String> changes = changes(rows);
        if (!writable) {
            fail(
                    "Cannot save: you may not write "
                            + editor.file()
                            + " ("
                            + Problems.JOIN_GROUP
                            + ")");
            return;
        }
        if (changes.isEmpty()) {
            say("Nothing to save: no setting was changed.");
            return;
        }
        Map<String, String> problems = SettingsEditor.problems(changes);
        if (!problems.isEmpty()) {
            StringBuilder b = new StringBuilder("Nothing saved. Fix first: ");
            problems.forEach((k, p) -> b.append(k).append(' ').append(p).append("; "));
            fail(b.substring(0, b.length() - 2));
            return;
        }
        busy.set(true);
        background.run(
                () -> editor.save(changes),
                backup -> {
                    busy.set(false);
                    rows.stream()
                            .filter(r -> changes.containsKey(r.name()))
                            .forEach(SettingRow::markSaved);
                    restartNeeded.set(true);
                    say(
                            "Saved "
                                    + changes.size()
                                    + (changes.size() == 1 ? " setting" : " settings")
                                    + " to "
                                    + editor.file()
                                    + backup.map(
                                                    b ->
                                                            " (the previous file is kept as "
                                                                    + b.getFileName()
                                                                    + ")")
                                            .orElse("")
                                    + ". Restart Mychecks for the changes to take effect.");
                },
                problem -> {
                    busy.set(false);
                    fail("Nothing saved: " + problem);
                });
    }

    /** Restarts the daemon so that saved settings take effect. */
    public void restart() {
        busy.set(true);
        background.run(
                service::restart,
                done -> {
                    busy.set(false);
                    restartNeeded.set(false);
                    say("Mychecks restarted: the saved settings are in effect.");
                },
                problem -> {
                    busy.set(false);
                    fail(problem);
                });
    }

    public void say(String text) {
        message.say(text);
    }

    public void fail(String text) {
        message.fail(text);
    }

    public boolean writable() {
        return writable;
    }

    public SettingsEditor editor() {
        return editor;
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty errorProperty() {
        return message.errorProperty();
    }

    public BooleanProperty restartNeededProperty() {
        return restartNeeded;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
