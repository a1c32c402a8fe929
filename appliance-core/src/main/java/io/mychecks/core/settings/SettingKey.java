package io.mychecks.core.settings;

/**
 * One setting: its name, type, default and whether it is a secret (never logged, and also readable
 * from a file named by {@code <KEY>_FILE}).
 */
public record SettingKey(
        String name, SettingType type, String defaultValue, boolean secret, String help) {

    static SettingKey of(String name, SettingType type, String def, String help) {
        return new SettingKey(name, type, def, false, help);
    }

    static SettingKey secret(String name, String help) {
        return new SettingKey(name, SettingType.STRING, "", true, help);
    }
}
