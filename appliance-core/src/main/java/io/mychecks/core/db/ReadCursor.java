package io.mychecks.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Reads large results row by row in bounded memory, outside write transactions. SQLite steps
 * through rows as they are read anyway; PostgreSQL fetches {@code fetchSize} rows at a time only
 * inside a transaction, so the connection leaves auto-commit for the read and rolls back after.
 */
public final class ReadCursor {
    /** Rows fetched per round trip on PostgreSQL. */
    public static final int FETCH_SIZE = 500;

    /** Handles the current row of a result set (read it by column index). */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private ReadCursor() {}

    /**
     * Runs {@code work} with a context bound to one pooled connection, so its cursor and the
     * look-ups it makes meanwhile share that connection (and, on PostgreSQL, one snapshot).
     */
    public static <T> T onOneConnection(DSLContext ctx, Function<DSLContext, T> work) {
        boolean pg = Database.isPostgres(ctx);
        return ctx.connectionResult(
                conn -> {
                    boolean autoCommit = conn.getAutoCommit();
                    if (pg && autoCommit) {
                        conn.setAutoCommit(false);
                    }
                    try {
                        return work.apply(DSL.using(conn, ctx.dialect(), ctx.settings()));
                    } finally {
                        restore(conn, pg && autoCommit);
                    }
                });
    }

    private static void restore(Connection conn, boolean leftAutoCommit) throws SQLException {
        if (leftAutoCommit) {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** Runs {@code query} and hands every row to {@code handler}, then closes the cursor. */
    public static void forEachRow(ResultQuery<?> query, RowHandler handler) {
        try (ResultSet cursor = query.fetchSize(FETCH_SIZE).fetchResultSet()) {
            ResultSet rs = Jdbc.direct(cursor); // once per query, not per row
            while (rs.next()) {
                handler.row(rs);
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading rows: " + e.getMessage(), e);
        }
    }
}
