package io.mychecks.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/** The database the settings name, opened without letting any value reach the driver's URL. */
class DatabaseSettingsTest {
    @TempDir Path tmp;

    Settings postgres(String... pairs) {
        Map<String, String> values = new HashMap<>();
        values.put("DATA_DIR", tmp.toString());
        values.put("DB", "postgres");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Settings.of(values);
    }

    /** Parses the URL the data source connects with, as the driver itself does. */
    static Properties connectionProperties(PGSimpleDataSource ds) {
        Properties parsed = Driver.parseURL(ds.getUrl(), new Properties());
        assertThat(parsed).as(ds.getUrl()).isNotNull();
        return parsed;
    }

    @Test
    void aDatabaseNameCannotAddDriverParameters() {
        PGSimpleDataSource ds =
                Database.postgresDataSource(
                        postgres("DB_NAME", "hc?socketFactory=x&sslmode=disable#frag"));
        Properties p = connectionProperties(ds);
        assertThat(p.getProperty(PGProperty.PG_DBNAME.getName()))
                .isEqualTo("hc?socketFactory=x&sslmode=disable#frag");
        assertThat(p.getProperty(PGProperty.SOCKET_FACTORY.getName())).isNull();
        assertThat(p.getProperty(PGProperty.SSL_MODE.getName())).isEqualTo("prefer");
        assertThat(p.getProperty(PGProperty.PG_HOST.getName())).isEqualTo("127.0.0.1");
        assertThat(p.getProperty(PGProperty.PG_PORT.getName())).isEqualTo("5432");
    }

    @Test
    void eachSettingLandsInItsOwnProperty() {
        PGSimpleDataSource ds =
                Database.postgresDataSource(
                        postgres(
                                "DB_HOST", "db.example.org",
                                "DB_PORT", "6543",
                                "DB_USER", "mc",
                                "DB_PASSWORD", "p&ss?word=1",
                                "DB_SSLMODE", "verify-full",
                                "DB_TARGET_SESSION_ATTRS", "prefer-standby"));
        Properties p = connectionProperties(ds);
        assertThat(p.getProperty(PGProperty.PG_HOST.getName())).isEqualTo("db.example.org");
        assertThat(p.getProperty(PGProperty.PG_PORT.getName())).isEqualTo("6543");
        assertThat(p.getProperty(PGProperty.PG_DBNAME.getName())).isEqualTo("hc");
        assertThat(p.getProperty(PGProperty.SSL_MODE.getName())).isEqualTo("verify-full");
        assertThat(p.getProperty(PGProperty.TARGET_SERVER_TYPE.getName()))
                .isEqualTo("preferSecondary");
        assertThat(p.getProperty(PGProperty.REWRITE_BATCHED_INSERTS.getName())).isEqualTo("true");
        // user and password are handed to the driver beside the URL, never inside it
        assertThat(ds.getUrl()).doesNotContain("p&ss", "password");
        assertThat(ds.getUser()).isEqualTo("mc");
        assertThat(ds.getPassword()).isEqualTo("p&ss?word=1");
    }

    @Test
    void aBracketedIpv6HostIsAHost() {
        Properties p =
                connectionProperties(Database.postgresDataSource(postgres("DB_HOST", "[::1]")));
        assertThat(p.getProperty(PGProperty.PG_HOST.getName())).isEqualTo("[::1]");
        assertThat(p.getProperty(PGProperty.PG_DBNAME.getName())).isEqualTo("hc");
    }

    @Test
    void opensPostgresFromSettingsWithAnOddDatabaseName() throws Exception {
        String admin = TestDatabases.adminUrl();
        URI server = URI.create(admin.substring("jdbc:".length()));
        String name = "mychecks_odd?x=" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        try (Database db =
                Database.open(
                        postgres(
                                "DB_HOST",
                                server.getHost(),
                                "DB_PORT",
                                Integer.toString(server.getPort()),
                                "DB_NAME",
                                name,
                                "DB_SSLMODE",
                                "disable"))) {
            assertThat(db.isHealthy()).isTrue();
            assertThat(db.dsl().fetchValue("select current_database()")).isEqualTo(name);
        } finally {
            try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        }
    }

    /** File modes are POSIX: skipped on other file systems, but never on CI (Linux). */
    private void requirePosix() throws java.io.IOException {
        boolean posix = Files.getFileStore(tmp).supportsFileAttributeView("posix");
        if (System.getenv("CI") != null) {
            assertThat(posix).as("CI runs on a POSIX file system").isTrue();
        }
        assumeThat(posix).isTrue();
    }

    @Test
    void sqliteFilesAndTheDirectoryMadeForThemAreTheOwnersOnly() throws Exception {
        requirePosix();
        Path dir = tmp.resolve("new/data");
        Path file = dir.resolve("mychecks.sqlite");
        try (Database db = Database.sqlite(file)) {
            Migrations.migrate(db);
            assertThat(db.isHealthy()).isTrue();
            assertThat(mode(dir)).isEqualTo("rwx------");
            assertThat(mode(tmp.resolve("new"))).isEqualTo("rwx------");
            assertThat(mode(file)).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("mychecks.sqlite-wal"))).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("mychecks.sqlite-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aDirectorySharedWithTheGroupGetsGroupFilesAndExistingModesStay() throws Exception {
        requirePosix();
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        try (Database db = Database.sqlite(shared.resolve("mychecks.sqlite"))) {
            Migrations.migrate(db);
            assertThat(mode(shared)).isEqualTo("rwxrwx---");
            assertThat(mode(shared.resolve("mychecks.sqlite"))).isEqualTo("rw-rw----");
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
