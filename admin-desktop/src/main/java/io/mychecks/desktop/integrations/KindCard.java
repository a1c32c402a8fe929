package io.mychecks.desktop.integrations;

import io.mychecks.core.notify.KindDescription;
import io.mychecks.desktop.settings.SettingRow;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One integration kind as the console shows it: its on/off switch (bound to its switch setting) and
 * the server-side settings it declares, as rows to edit.
 */
public final class KindCard {
    private final KindDescription kind;
    private final Optional<SettingRow> switchRow;
    private final List<SettingRow> credentials;
    private final BooleanProperty enabled;

    public KindCard(
            KindDescription kind, Optional<SettingRow> switchRow, List<SettingRow> credentials) {
        this.kind = kind;
        this.switchRow = switchRow;
        this.credentials = List.copyOf(credentials);
        // a kind without a switch is always on
        this.enabled =
                switchRow
                        .map(SettingRow::switchProperty)
                        .orElseGet(() -> new SimpleBooleanProperty(true));
    }

    public String kind() {
        return kind.kind();
    }

    public String label() {
        return kind.label();
    }

    /** False for a kind without a switch: it is always on. */
    public boolean switchable() {
        return switchRow.isPresent();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public List<SettingRow> credentials() {
        return credentials;
    }
}
