package io.mychecks.core.testing;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests. PostgreSQL uses the server on 127.0.0.1:5432 when it answers
 * (a new database per call, dropped on close) and an embedded PostgreSQL otherwise. The system
 * property {@code mychecks.test.db} ({@code sqlite} or {@code postgres}) picks the database of
 * tests that run on "the current" one.
 */
public final class TestDatabases {
    private static final String HOST = "127.0.0.1";
    private static final int PORT = 5432;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** A database and what to do to get rid of it. */
    public static final class TestDatabase implements AutoCloseable {
        private final Database database;
        private final Runnable cleanup;
        private final String description;
        private final java.util.function.Supplier<Database> reopen;

        TestDatabase(
                Database database,
                Runnable cleanup,
                String description,
                java.util.function.Supplier<Database> reopen) {
            this.database = database;
            this.cleanup = cleanup;
            this.description = description;
            this.reopen = reopen;
        }

        /** Opens a second, independent connection pool on the same database (another "process"). */
        public Database openAnother() {
            return reopen.get();
        }

        public Database database() {
            return database;
        }

        /** "sqlite:/tmp/…" or "postgres:mychecks_test_…", for messages. */
        public String description() {
            return description;
        }

        @Override
        public void close() {
            database.close();
            cleanup.run();
        }
    }

    /** True when tests of "the current" database should run on PostgreSQL. */
    public static boolean postgresSelected() {
        return System.getProperty("mychecks.test.db", "sqlite").startsWith("postgres");
    }

    /** A migrated database of the kind {@code mychecks.test.db} selects. */
    public static TestDatabase current() {
        return postgresSelected() ? postgres() : sqlite();
    }

    /** A migrated SQLite database in a new temporary directory. */
    public static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("mychecks-test");
            Path file = dir.resolve("test.sqlite");
            Database db = Database.sqlite(file);
            Migrations.migrate(db);
            return new TestDatabase(
                    db, () -> deleteQuietly(dir), "sqlite:" + file, () -> Database.sqlite(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A migrated, new PostgreSQL database; dropped on close. */
    public static TestDatabase postgres() {
        String name =
                "mychecks_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String base = adminUrl();
        execute(base + "postgres", "CREATE DATABASE " + name);
        Database db = Database.postgres(base + name, "postgres", "");
        Migrations.migrate(db);
        return new TestDatabase(
                db,
                () ->
                        execute(
                                base + "postgres",
                                "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"),
                "postgres:" + name,
                () -> Database.postgres(base + name, "postgres", ""));
    }

    /** The JDBC URL prefix of the server to use (without database name). */
    public static synchronized String adminUrl() {
        if (reachable(HOST, PORT)) {
            return "jdbc:postgresql://" + HOST + ":" + PORT + "/";
        }
        try {
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
            }
            return "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no PostgreSQL on " + HOST + ":" + PORT + " and embedded PostgreSQL failed", e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans up what is left
        }
    }
}
