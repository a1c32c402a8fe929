package io.mychecks.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.Appliance;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.MutableClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore of an SQLite appliance, on real files. */
class BackupsTest {
    @TempDir Path dir;

    Settings settings() {
        return Settings.of(Map.of("SECRET_KEY", "k", "DATA_DIR", dir.resolve("data").toString()));
    }

    Backups backups(Path conf) {
        return new Backups(
                settings(), Optional.of(conf), MutableClock.at("2026-03-01T12:00:00Z"), "test");
    }

    @Test
    void aBackupRestoresTheDataAndSettingsItWasTakenWith() throws Exception {
        Path conf = dir.resolve("mychecks.conf");
        Files.writeString(conf, "# mine\nSITE_NAME=Before\n");
        Path archive = dir.resolve("out/backup.zip");
        try (Appliance app = Appliance.open(settings())) {
            app.userAdmin().createSuperuser("alice@example.org", "password123");
            backups(conf).backup(app.database(), archive);
            app.userAdmin().createSuperuser("bob@example.org", "password123");
        }
        Files.writeString(conf, "SITE_NAME=After\n");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry("mychecks.sqlite")).isNotNull();
            assertThat(zip.getEntry("mychecks.conf")).isNotNull();
            assertThat(zip.getEntry("manifest.properties")).isNotNull();
        }

        Backups.Restored restored = backups(conf).restore(archive);

        assertThat(restored.settings()).isTrue();
        assertThat(Files.readString(conf)).isEqualTo("# mine\nSITE_NAME=Before\n");
        assertThat(Files.readString(dir.resolve("mychecks.conf.bak")))
                .isEqualTo("SITE_NAME=After\n");
        assertThat(restored.previousDatabase()).exists();
        try (Appliance app = Appliance.open(settings())) {
            assertThat(app.userAdmin().list())
                    .extracting(UserRow::email)
                    .containsExactly("alice@example.org");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndNothingChanges() throws Exception {
        Path conf = dir.resolve("mychecks.conf");
        Files.writeString(conf, "SITE_NAME=Mine\n");
        try (Appliance app = Appliance.open(settings())) {
            app.userAdmin().createSuperuser("alice@example.org", "password123");
        }
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThatThrownBy(() -> backups(conf).restore(junk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable zip archive");

        Path noManifest = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(noManifest);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("mychecks.sqlite"));
            zip.write("garbage".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> backups(conf).restore(noManifest))
                .hasMessageContaining("no manifest");

        Path damaged = dir.resolve("damaged.zip");
        try (OutputStream out = Files.newOutputStream(damaged);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            zip.write("format=mychecks-backup-1\n".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("mychecks.sqlite"));
            zip.write("this is not an SQLite database, not at all, not even close".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> backups(conf).restore(damaged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backup's database");

        assertThat(Files.readString(conf)).isEqualTo("SITE_NAME=Mine\n");
        try (Appliance app = Appliance.open(settings())) {
            assertThat(app.userAdmin().list())
                    .extracting(UserRow::email)
                    .containsExactly("alice@example.org");
        }
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".restoring") || n.endsWith(".before-restore"));
    }

    Path zipOf(String name, String manifest, String database) throws Exception {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("manifest.properties"));
            z.write(manifest.getBytes());
            z.closeEntry();
            if (database != null) {
                z.putNextEntry(new ZipEntry("mychecks.sqlite"));
                z.write(database.getBytes());
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void anArchiveOfAnotherFormatOrWithoutADatabaseIsRefused() throws Exception {
        Path conf = dir.resolve("mychecks.conf");
        assertThatThrownBy(
                        () ->
                                backups(conf)
                                        .restore(
                                                zipOf(
                                                        "future.zip",
                                                        "format=mychecks-backup-9\n",
                                                        "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown backup format: mychecks-backup-9");
        assertThatThrownBy(
                        () ->
                                backups(conf)
                                        .restore(
                                                zipOf(
                                                        "empty.zip",
                                                        "format=mychecks-backup-1\n",
                                                        null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Mychecks backup: it holds no database");
        assertThatThrownBy(() -> backups(conf).restore(dir.resolve("missing.zip")))
                .hasMessage("not a readable zip archive: missing.zip");
        assertThat(conf).doesNotExist();
    }

    @Test
    void aPostgresApplianceIsNotBackedUpAsAFile() {
        Settings pg = Settings.of(Map.of("DB", "postgres", "SECRET_KEY", "k"));
        Backups b =
                new Backups(pg, Optional.empty(), MutableClock.at("2026-03-01T12:00:00Z"), "test");
        assertThatThrownBy(() -> b.restore(dir.resolve("any.zip")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pg_restore");
    }

    @Test
    void aPostgresAppliancePointsToPgDump() {
        Settings pg =
                Settings.of(
                        Map.of(
                                "DB",
                                "postgres",
                                "DB_HOST",
                                "db.lan",
                                "DB_NAME",
                                "checks",
                                "DB_USER",
                                "mc"));
        assertThat(Backups.pgDumpCommand(pg))
                .isEqualTo(
                        "pg_dump --format=custom --host=db.lan --port=5432 --username=mc"
                                + " --file=mychecks-$(date +%F).dump checks");
    }
}
