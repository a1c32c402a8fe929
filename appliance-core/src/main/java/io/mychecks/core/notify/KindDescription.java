package io.mychecks.core.notify;

import io.mychecks.core.settings.SettingKey;
import java.util.List;

/**
 * A kind as the web form and the console's integrations page list it.
 *
 * @param enabled false when its switch setting turns it off
 * @param switchSetting the name of its switch setting ({@code WEBHOOKS_ENABLED}); "" if none
 */
public record KindDescription(
        String kind,
        String label,
        boolean enabled,
        String switchSetting,
        List<ConfigField> fields,
        List<SettingKey> settingKeys) {

    public KindDescription {
        fields = List.copyOf(fields);
        settingKeys = List.copyOf(settingKeys);
    }
}
