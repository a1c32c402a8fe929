package io.mychecks.desktop.integrations;

import io.mychecks.core.notify.KindDescription;
import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingKeys;
import io.mychecks.desktop.settings.SettingRow;
import io.mychecks.desktop.settings.SettingsSaver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations view: each kind the daemon implements, as it describes itself through the
 * notifier SPI (its switch and its server-side settings), so a new kind appears here without a
 * change to the console; and the switch for webhooks to private addresses.
 */
public final class IntegrationsViewModel {
    public static final String PRIVATE_IPS = "INTEGRATIONS_ALLOW_PRIVATE_IPS";

    private final SettingsSaver saver;
    private final Map<String, SettingRow> rows = new LinkedHashMap<>();
    private final List<KindCard> cards = new ArrayList<>();
    private final SettingRow privateIps;

    public IntegrationsViewModel(SettingsSaver saver, List<KindDescription> kinds)
            throws IOException {
        this.saver = saver;
        Map<String, String> file = saver.editor().fileValues();
        privateIps = row(SettingKeys.find(PRIVATE_IPS).orElseThrow(), file);
        for (KindDescription kind : kinds) {
            Optional<SettingRow> switchRow = Optional.empty();
            List<SettingRow> credentials = new ArrayList<>();
            for (SettingKey key : kind.settingKeys()) {
                if (key.name().equals(PRIVATE_IPS)) {
                    continue;
                }
                SettingRow r = row(key, file);
                if (key.name().equals(kind.switchSetting())) {
                    switchRow = Optional.of(r);
                } else {
                    credentials.add(r);
                }
            }
            cards.add(new KindCard(kind, switchRow, credentials));
        }
    }

    private SettingRow row(SettingKey key, Map<String, String> file) {
        return rows.computeIfAbsent(key.name(), n -> new SettingRow(key, file.get(n)));
    }

    public List<KindCard> cards() {
        return cards;
    }

    public KindCard card(String kind) {
        return cards.stream()
                .filter(c -> c.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no integration " + kind));
    }

    /** The switch that lets integrations call private addresses (LAN webhooks). */
    public SettingRow privateIps() {
        return privateIps;
    }

    public SettingsSaver saver() {
        return saver;
    }

    public void save() {
        saver.save(rows.values());
    }

    public void restart() {
        saver.restart();
    }
}
