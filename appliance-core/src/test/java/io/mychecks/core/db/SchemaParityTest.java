package io.mychecks.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations build the same tables and columns on SQLite and PostgreSQL (DESIGN.md, Schema),
 * read back through JDBC metadata, so jOOQ classes generated once fit both.
 */
class SchemaParityTest {
    static TestDatabase sqlite;
    static TestDatabase postgres;

    @BeforeAll
    static void migrateBoth() {
        sqlite = TestDatabases.sqlite();
        postgres = TestDatabases.postgres();
    }

    @AfterAll
    static void close() {
        sqlite.close();
        postgres.close();
    }

    /** Table name -> its columns in order, as {@code name} or {@code name NOT NULL}. */
    static Map<String, List<String>> schema(TestDatabase db, boolean withNullability)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        String schemaPattern = db.database().isPostgres() ? "public" : null;
        try (Connection c = db.database().dataSource().getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet t = md.getTables(null, schemaPattern, "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    String table = t.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.startsWith("sqlite_") && !table.equals("flyway_schema_history")) {
                        tables.put(
                                table,
                                columns(
                                        md,
                                        schemaPattern,
                                        t.getString("TABLE_NAME"),
                                        withNullability));
                    }
                }
            }
        }
        return tables;
    }

    private static List<String> columns(
            DatabaseMetaData md, String schema, String table, boolean withNullability)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet col = md.getColumns(null, schema, table, "%")) {
            while (col.next()) {
                String name = col.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                // SQLite reports its INTEGER PRIMARY KEY as nullable though it never holds NULL
                boolean notNull =
                        col.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                && !name.equals("id");
                columns.add(withNullability && notNull ? name + " NOT NULL" : name);
            }
        }
        return columns;
    }

    @Test
    void bothDatabasesHaveTheSameTablesAndColumns() throws SQLException {
        Map<String, List<String>> onSqlite = schema(sqlite, false);
        assertThat(onSqlite)
                .containsKeys(
                        "users",
                        "projects",
                        "checks",
                        "pings",
                        "flips",
                        "channels",
                        "notifications");
        assertThat(schema(postgres, false)).isEqualTo(onSqlite);
    }

    @Test
    void bothDatabasesAgreeOnWhichColumnsAreNotNull() throws SQLException {
        Map<String, List<String>> onSqlite = schema(sqlite, true);
        assertThat(onSqlite.get("checks")).contains("code NOT NULL", "last_ping");
        assertThat(schema(postgres, true)).isEqualTo(onSqlite);
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(Migrations.migrate(sqlite.database())).isZero();
        assertThat(Migrations.migrate(postgres.database())).isZero();
    }
}
