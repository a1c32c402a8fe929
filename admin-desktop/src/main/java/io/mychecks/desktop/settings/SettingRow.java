package io.mychecks.desktop.settings;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingKeys;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting being edited: its key, the value in the file when last read or saved, and the value
 * typed, with what is wrong with it (core's own rule) kept up to date as it is typed.
 */
public final class SettingRow {
    private final SettingKey key;
    private final StringProperty saved = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final BooleanBinding changed;
    private BooleanProperty onOff;

    public SettingRow(SettingKey key, String fileValue) {
        this.key = key;
        saved.set(fileValue == null ? "" : fileValue);
        value.set(saved.get());
        value.addListener(
                (o, was, now) -> problem.set(SettingKeys.problem(key.name(), now).orElse(null)));
        problem.set(SettingKeys.problem(key.name(), value.get()).orElse(null));
        changed =
                Bindings.createBooleanBinding(
                        () -> !value.get().strip().equals(saved.get()), value, saved);
    }

    public SettingKey key() {
        return key;
    }

    public String name() {
        return key.name();
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** What is wrong with the value typed; null when it is acceptable. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding changedProperty() {
        return changed;
    }

    public boolean changed() {
        return changed.get();
    }

    /** The value as it goes to the file. */
    public String value() {
        return value.get().strip();
    }

    /**
     * A boolean setting as a switch: on when its value (or, when empty, its default) is {@code
     * True}; turning it sets the value. Made on first use and kept in step with the value.
     */
    public BooleanProperty switchProperty() {
        if (onOff == null) {
            onOff = new SimpleBooleanProperty(isTrue());
            onOff.addListener((o, was, on) -> value.set(on ? "True" : "False"));
            value.addListener((o, was, now) -> onOff.set(isTrue()));
        }
        return onOff;
    }

    private boolean isTrue() {
        return "True".equals(value().isEmpty() ? key.defaultValue() : value());
    }

    /** The value was written to the file. */
    public void markSaved() {
        saved.set(value());
    }

    /** Back to the file's value. */
    public void revert() {
        value.set(saved.get());
    }
}
