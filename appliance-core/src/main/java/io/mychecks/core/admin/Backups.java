package io.mychecks.core.admin;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.mychecks.core.settings.PrivateFiles;
import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of an SQLite appliance as one zip archive: a consistent copy of the live
 * database made by SQLite itself ({@code VACUUM INTO}, never a file copy, so the daemon may keep
 * running), the settings file, the generated secret key (API keys are hashed with it) and a
 * manifest. PostgreSQL is backed up with {@code pg_dump} ({@link #pgDumpCommand}).
 */
public final class Backups {
    static final String DATABASE = "mychecks.sqlite";
    static final String SETTINGS = "mychecks.conf";
    static final String SECRET_KEY = "secret.key";
    static final String MANIFEST = "manifest.properties";
    private static final String FORMAT = "mychecks-backup-1";

    /** What a restore put back. */
    public record Restored(boolean settings, boolean secretKey, Path previousDatabase) {}

    private final Settings settings;
    private final Optional<Path> configFile;
    private final Clock clock;
    private final String version;
    private final DatabaseCareStore store = new DatabaseCareStore();

    public Backups(Settings settings, Optional<Path> configFile, Clock clock, String version) {
        this.settings = settings;
        this.configFile = configFile;
        this.clock = clock;
        this.version = version;
    }

    /** The command that backs up a PostgreSQL appliance's database, for the admin to run. */
    public static String pgDumpCommand(Settings settings) {
        String host = settings.get("DB_HOST").isEmpty() ? "127.0.0.1" : settings.get("DB_HOST");
        String port = settings.get("DB_PORT").isEmpty() ? "5432" : settings.get("DB_PORT");
        String user = settings.get("DB_USER").isEmpty() ? "postgres" : settings.get("DB_USER");
        return "pg_dump --format=custom --host="
                + host
                + " --port="
                + port
                + " --username="
                + user
                + " --file=mychecks-$(date +%F).dump "
                + settings.postgresDatabase();
    }

    /**
     * Writes the archive of the running SQLite appliance to {@code archive} (replaced if it
     * exists).
     */
    public void backup(Database database, Path archive) throws IOException {
        if (database.isPostgres()) {
            throw new IllegalStateException(
                    "this appliance uses PostgreSQL: back it up with " + pgDumpCommand(settings));
        }
        Path dir = archive.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path copy = Files.createTempFile(dir, ".mychecks-backup-", ".sqlite");
        Path partial = Files.createTempFile(dir, ".mychecks-backup-", ".zip");
        try {
            Files.delete(copy); // VACUUM INTO wants a file that does not exist
            store.vacuumInto(database.dsl(), copy.toString());
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntries.text(zip, MANIFEST, manifest());
                ZipEntries.file(zip, DATABASE, copy);
                if (configFile.isPresent() && Files.isReadable(configFile.get())) {
                    ZipEntries.file(zip, SETTINGS, configFile.get());
                }
                Path key = settings.dataDir().resolve(SECRET_KEY);
                if (Files.isReadable(key)) {
                    ZipEntries.file(zip, SECRET_KEY, key);
                }
            }
            PrivateFiles.restrict(partial);
            Files.move(
                    partial,
                    archive,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Puts an archive back: checks it (manifest, database integrity), moves the current database
     * aside as {@code mychecks.sqlite.before-restore}, swaps the archive's in, restores the
     * settings file and secret key it holds, and migrates. The daemon must be stopped, and the
     * caller's own connections closed, before this runs. Throws IllegalArgumentException, with
     * nothing changed, when the archive is not a good backup.
     */
    public Restored restore(Path archive) throws IOException {
        if (settings.usesPostgres()) {
            throw new IllegalStateException(
                    "this appliance uses PostgreSQL: restore with pg_restore");
        }
        Path target = settings.sqliteFile().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path incoming = target.resolveSibling(target.getFileName() + ".restoring");
        try (ZipFile zip = open(archive)) {
            checkManifest(zip);
            ZipEntry db = zip.getEntry(DATABASE);
            if (db == null) {
                throw new IllegalArgumentException("not a Mychecks backup: it holds no database");
            }
            extract(zip, db, incoming);
            checkDatabase(incoming);
            Path previous = target.resolveSibling(target.getFileName() + ".before-restore");
            swapIn(incoming, target, previous);
            boolean conf = restoreSettings(zip);
            boolean key = restoreSecretKey(zip);
            try (Database restored = Database.sqlite(target)) {
                Migrations.migrate(restored);
            }
            return new Restored(conf, key, previous);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    private static ZipFile open(Path archive) {
        try {
            return new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not a readable zip archive: " + archive.getFileName());
        }
    }

    private static void checkManifest(ZipFile zip) throws IOException {
        ZipEntry m = zip.getEntry(MANIFEST);
        if (m == null) {
            throw new IllegalArgumentException("not a Mychecks backup: it has no manifest");
        }
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(m)) {
            p.load(in);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException(
                    "unknown backup format: " + p.getProperty("format", "(none)"));
        }
    }

    private void checkDatabase(Path file) {
        try (Database db = Database.sqlite(file)) {
            String result = store.integrityCheck(db.dsl());
            if (!"ok".equals(result)) {
                throw new IllegalArgumentException("the backup's database is damaged: " + result);
            }
            if (!store.hasTable(db.dsl(), "checks")) {
                throw new IllegalArgumentException("the backup's database holds no Mychecks data");
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the backup's database cannot be read: " + e.getMessage());
        }
    }

    private static void swapIn(Path incoming, Path target, Path previous) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = Path.of(target + suffix);
            Path sidePrevious = Path.of(previous + suffix);
            Files.deleteIfExists(sidePrevious);
            if (Files.exists(side)) {
                Files.move(side, sidePrevious, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.restrict(target);
    }

    private boolean restoreSettings(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(SETTINGS);
        if (e == null || configFile.isEmpty()) {
            return false;
        }
        Path file = configFile.get();
        Path tmp = file.resolveSibling(file.getFileName() + ".restoring");
        extract(zip, e, tmp);
        if (Files.exists(file)) {
            Files.copy(
                    file,
                    file.resolveSibling(file.getFileName() + ".bak"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private boolean restoreSecretKey(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(SECRET_KEY);
        if (e == null) {
            return false;
        }
        Path key = settings.dataDir().resolve(SECRET_KEY);
        Path tmp = key.resolveSibling(SECRET_KEY + ".restoring");
        extract(zip, e, tmp);
        PrivateFiles.restrict(tmp);
        Files.move(tmp, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static void extract(ZipFile zip, ZipEntry entry, Path to) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String manifest() {
        return "format=" + FORMAT + "\nversion=" + version + "\ncreated=" + clock.instant() + "\n";
    }
}
