package io.mychecks.core.admin;

import io.mychecks.core.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;

/** Size and vacuum statements, per database kind. */
public final class DatabaseCareStore {
    /** Bytes the PostgreSQL database takes on disk. */
    public long postgresSize(DSLContext ctx) {
        Number size = (Number) ctx.fetchValue("select pg_database_size(current_database())");
        return size == null ? 0 : size.longValue();
    }

    /** SQLite: the main database file's path, as the connection has it open. */
    public String sqliteFile(DSLContext ctx) {
        for (var r : ctx.fetch("pragma database_list")) {
            if ("main".equals(r.get("name", String.class))) {
                return r.get("file", String.class);
            }
        }
        return "";
    }

    /** SQLite: page count times page size, the file's size without its write-ahead log. */
    public long sqliteSize(DSLContext ctx) {
        Number pages = (Number) ctx.fetchValue("pragma page_count");
        Number size = (Number) ctx.fetchValue("pragma page_size");
        return pages.longValue() * size.longValue();
    }

    /**
     * SQLite {@code VACUUM} (rebuilds the file, then truncates the write-ahead log), or PostgreSQL
     * {@code VACUUM ANALYZE}; on a connection of its own in autocommit, as neither runs inside a
     * transaction.
     */
    public void vacuum(Database database) {
        try (Connection connection = database.openConnection()) {
            connection.setAutoCommit(true);
            DSLContext ctx = database.dslOn(connection);
            if (database.isPostgres()) {
                ctx.execute("vacuum analyze");
            } else {
                ctx.execute("vacuum");
                ctx.execute("pragma wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("vacuum failed: " + e.getMessage(), e);
        }
    }

    /** SQLite: writes a consistent copy of the live database into {@code file} (must not exist). */
    public void vacuumInto(DSLContext ctx, String file) {
        ctx.execute("vacuum into ?", file);
    }

    /** SQLite: "ok" when the database passes its integrity check, else the first problems. */
    public String integrityCheck(DSLContext ctx) {
        return String.valueOf(ctx.fetchValue("pragma integrity_check"));
    }

    /** True when the database has a table named {@code name}. */
    public boolean hasTable(DSLContext ctx, String name) {
        return !ctx.meta().getTables(name).isEmpty();
    }
}
