package io.mychecks.desktop.settings;

import io.mychecks.core.settings.SettingKeys;
import io.mychecks.core.settings.SettingsFile;
import io.mychecks.core.settings.SettingsFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and changes the settings file the daemon reads. Values are checked by core's own rules
 * before anything is written; core's writer keeps comments, order and unknown keys and leaves a
 * backup.
 */
public final class SettingsEditor {
    private final Path file;

    public SettingsEditor(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The values the file sets now (an absent file sets none). */
    public Map<String, String> fileValues() throws IOException {
        return Files.exists(file) ? SettingsFile.read(file) : Map.of();
    }

    /** What is wrong with each of {@code changes}, by key; empty when all are acceptable. */
    public static Map<String, String> problems(Map<String, String> changes) {
        Map<String, String> problems = new LinkedHashMap<>();
        changes.forEach((k, v) -> SettingKeys.problem(k, v).ifPresent(p -> problems.put(k, p)));
        return problems;
    }

    /**
     * Writes {@code changes} (an empty value removes the key, so its default applies); returns the
     * backup of the previous file, if there was one. Throws InvalidSettingException and writes
     * nothing when a value is wrong.
     */
    public Optional<Path> save(Map<String, String> changes) throws IOException {
        return SettingsFileWriter.update(file, changes);
    }
}
