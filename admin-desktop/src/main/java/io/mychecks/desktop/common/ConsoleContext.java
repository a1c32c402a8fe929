package io.mychecks.desktop.common;

import io.mychecks.core.Appliance;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every view works on: the settings file (the same one the daemon reads, found by the same
 * rules), the settings it holds, and the appliance opened on the same database. Opening refuses,
 * with one line saying what to do, when the console may not read the settings or the database.
 */
public final class ConsoleContext implements AutoCloseable {
    /** The console cannot work on this appliance; the message says why and what to do. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private final Map<String, String> env;
    private final Path systemConfig;
    private final Path configFile;
    private Settings settings;
    private Appliance app;

    private ConsoleContext(Map<String, String> env, Path systemConfig, Path configFile) {
        this.env = env;
        this.systemConfig = systemConfig;
        this.configFile = configFile;
    }

    /** Opens the appliance of this environment, as the daemon would find it. */
    public static ConsoleContext open(Map<String, String> env, Path systemConfig) {
        // an installed appliance's /etc/mychecks is closed to non-members: the file then seems
        // not to exist, but its directory does
        boolean installed =
                Files.exists(systemConfig) || Files.isDirectory(systemConfig.getParent());
        if (installed && !env.containsKey("MYCHECKS_CONFIG") && !Files.isReadable(systemConfig)) {
            throw new Refused("cannot read " + systemConfig + ": " + Problems.JOIN_GROUP);
        }
        Path file;
        try {
            file =
                    SettingsLoader.configFile(env, systemConfig)
                            .orElseGet(() -> SettingsLoader.localConfigFile(env));
        } catch (RuntimeException e) {
            throw new Refused(Problems.describe(e));
        }
        ConsoleContext c = new ConsoleContext(env, systemConfig, file);
        c.openAppliance();
        return c;
    }

    private void openAppliance() {
        try {
            settings = SettingsLoader.load(env, systemConfig);
        } catch (RuntimeException e) {
            throw new Refused(Problems.describe(e) + " (in " + configFile + ")");
        }
        if (!settings.usesPostgres()) {
            Path db = settings.sqliteFile();
            Path dir = db.toAbsolutePath().getParent();
            if ((Files.exists(db) && !Files.isWritable(db))
                    || (Files.isDirectory(dir) && !Files.isWritable(dir))) {
                throw new Refused("cannot write the database " + db + ": " + Problems.JOIN_GROUP);
            }
        }
        try {
            app = Appliance.open(settings);
            adoptDataFiles();
        } catch (RuntimeException e) {
            throw new Refused(
                    "cannot open the database ("
                            + settings.databaseLocation()
                            + "): "
                            + Problems.describe(e));
        }
    }

    /** Closes the appliance, runs {@code work} (a restore), then opens everything again. */
    public synchronized <T> T whileClosed(java.util.concurrent.Callable<T> work) throws Exception {
        app.close();
        adoptDataFiles();
        try {
            return work.call();
        } finally {
            openAppliance();
        }
    }

    public synchronized Appliance app() {
        return app;
    }

    public synchronized Settings settings() {
        return settings;
    }

    /** The settings file in force, or where the console creates one when there is none. */
    public Path configFile() {
        return configFile;
    }

    /** True when the console may save settings (the file, or its directory, is writable). */
    public boolean configWritable() {
        Path dir = configFile.toAbsolutePath().getParent();
        return Files.exists(configFile)
                ? Files.isWritable(configFile) && Files.isWritable(dir)
                : Files.isDirectory(dir) && Files.isWritable(dir);
    }

    /** Run as root, the files SQLite made in the data directory go to the daemon's user. */
    private void adoptDataFiles() {
        if (!settings.usesPostgres()) {
            DataDirOwner.adopt(settings.sqliteFile().toAbsolutePath().getParent());
        }
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.close();
            adoptDataFiles();
        }
    }
}
