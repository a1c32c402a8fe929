package io.mychecks.core.notify;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Helps a kind declare the settings it reads: keys the appliance already documents ({@link
 * SettingKeys}) are named, so their default and help stay in one place; a kind's new keys are given
 * whole.
 */
public final class KindSettings {
    private KindSettings() {}

    /**
     * The documented keys named {@code names}; throws at start-up when one is not documented, so a
     * kind cannot name a key that does not exist.
     */
    public static List<SettingKey> documented(String... names) {
        List<SettingKey> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(
                    SettingKeys.find(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "setting " + name + " is not documented")));
        }
        return List.copyOf(keys);
    }
}
