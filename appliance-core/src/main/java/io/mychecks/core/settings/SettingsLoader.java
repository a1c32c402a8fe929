package io.mychecks.core.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link Settings} from the environment, then the settings file, then the defaults.
 *
 * <ol>
 *   <li>The file is {@code MYCHECKS_CONFIG}, else {@code /etc/mychecks/mychecks.conf} when it
 *       exists, else {@code DATA_DIR/mychecks.conf} when it exists.
 *   <li>For a secret {@code KEY}, {@code KEY_FILE} names a file holding the value.
 *   <li>An unset SECRET_KEY is generated once and kept in {@code DATA_DIR/secret.key} (0600; a
 *       DATA_DIR created for it is 0700, see {@link PrivateFiles}).
 * </ol>
 */
public final class SettingsLoader {
    static final Path SYSTEM_CONFIG = Path.of("/etc/mychecks/mychecks.conf");

    private SettingsLoader() {}

    /** Loads the settings of this process from {@link System#getenv()}. */
    public static Settings load() {
        return load(System.getenv());
    }

    /** Loads the settings from {@code env} as if it were the environment (command-line tests). */
    public static Settings load(Map<String, String> env) {
        return load(env, SYSTEM_CONFIG);
    }

    /** Loads the settings from {@code env}; throws InvalidSettingException on a bad value. */
    public static Settings load(Map<String, String> env, Path systemConfig) {
        Map<String, String> merged = new LinkedHashMap<>();
        // Each source resolves its own *_FILE variants first, so that the environment beats
        // the file whichever of KEY and KEY_FILE each of them uses.
        configFile(env, systemConfig)
                .ifPresent(file -> merged.putAll(withFileVariants(readFile(file))));
        merged.putAll(withFileVariants(env));
        Map<String, String> known = new LinkedHashMap<>();
        for (SettingKey key : SettingKeys.ALL) {
            if (merged.containsKey(key.name())) {
                known.put(key.name(), merged.get(key.name()));
            }
        }
        Settings settings = Settings.of(known);
        if (settings.secretKey().isEmpty()) {
            settings = settings.with("SECRET_KEY", generatedSecret(settings.dataDir()));
        }
        return settings;
    }

    /** Returns the settings file in force, if any. */
    public static Optional<Path> configFile(Map<String, String> env, Path systemConfig) {
        String explicit = env.get("MYCHECKS_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isReadable(p)) {
                throw new InvalidSettingException("MYCHECKS_CONFIG", "cannot read " + p);
            }
            return Optional.of(p);
        }
        if (Files.isReadable(systemConfig)) {
            return Optional.of(systemConfig);
        }
        Path local = localConfigFile(env);
        return Files.isReadable(local) ? Optional.of(local) : Optional.empty();
    }

    /**
     * {@code DATA_DIR/mychecks.conf} (DATA_DIR from {@code env}, {@code ./data} by default): the
     * last place the settings file is looked for, and where the console creates one when there is
     * none.
     */
    public static Path localConfigFile(Map<String, String> env) {
        String dataDir = env.getOrDefault("DATA_DIR", "./data");
        return Path.of(dataDir.isBlank() ? "./data" : dataDir, "mychecks.conf");
    }

    private static Map<String, String> readFile(Path file) {
        try {
            return SettingsFile.read(file);
        } catch (IOException e) {
            throw new InvalidSettingException(
                    "MYCHECKS_CONFIG", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Returns {@code source} with each secret KEY read from the file KEY_FILE names, if any. */
    private static Map<String, String> withFileVariants(Map<String, String> source) {
        Map<String, String> merged = new LinkedHashMap<>(source);
        for (SettingKey key : SettingKeys.ALL) {
            String fileName = source.get(key.name() + "_FILE");
            if (!key.secret() || fileName == null || fileName.isBlank()) {
                continue;
            }
            try {
                String value = Files.readString(Path.of(fileName), StandardCharsets.UTF_8).strip();
                merged.put(key.name(), value);
            } catch (IOException e) {
                throw new InvalidSettingException(key.name() + "_FILE", "cannot read " + fileName);
            }
        }
        return merged;
    }

    private static String generatedSecret(Path dataDir) {
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.isReadable(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            PrivateFiles.createDirectories(dataDir);
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path tmp = Files.createTempFile(dataDir, "secret", ".tmp");
            // 0600 before the secret is written (0660 in a directory shared with the group)
            PrivateFiles.restrict(tmp);
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new InvalidSettingException(
                    "SECRET_KEY", "unset, and " + file + " cannot be written: " + e.getMessage());
        }
    }
}
