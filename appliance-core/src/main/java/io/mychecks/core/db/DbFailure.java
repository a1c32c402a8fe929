package io.mychecks.core.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** What a failed database call means for the caller: retry, reconnect, blame the data, or wait. */
public enum DbFailure {
    /** A deadlock victim or serialization failure (PostgreSQL): run the transaction again. */
    RETRY,
    /** The connection broke (server restarted, connection killed): reconnect. */
    CONNECTION,
    /** The statement's own data was refused (a constraint, a value out of range). */
    DATA,
    /** The database is busy, locked, full or down: nothing the caller's data can fix. */
    UNAVAILABLE,
    /** Not a database error at all: a bug, to be contained to the work that raised it. */
    OTHER;

    private static final int SQLITE_PRIMARY_MASK = 0xff;
    private static final int SQLITE_TOOBIG = 18;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_MISMATCH = 20;

    /** Classifies {@code t} by the first {@link SQLException} in its cause chain. */
    public static DbFailure of(Throwable t) {
        SQLException sql = firstSqlException(t);
        if (sql == null) {
            return OTHER;
        }
        String state = sql.getSQLState();
        if (state != null && state.length() >= 2) {
            if (state.equals("40P01") || state.equals("40001")) {
                return RETRY;
            }
            String kind = state.substring(0, 2);
            switch (kind) {
                case "08": // connection exception
                case "57": // operator intervention: admin shutdown, crash shutdown, cannot connect
                    return CONNECTION;
                case "22": // data exception
                case "23": // integrity constraint violation
                    return DATA;
                default:
                    break;
            }
        }
        if (sql instanceof SQLRecoverableException
                || sql instanceof SQLTransientConnectionException) {
            return CONNECTION;
        }
        if (isSqlite(sql)) {
            switch (sql.getErrorCode() & SQLITE_PRIMARY_MASK) {
                case SQLITE_CONSTRAINT:
                case SQLITE_TOOBIG:
                case SQLITE_MISMATCH:
                    return DATA;
                default:
                    return UNAVAILABLE;
            }
        }
        return UNAVAILABLE;
    }

    private static boolean isSqlite(SQLException e) {
        return e.getClass().getName().startsWith("org.sqlite.");
    }

    private static SQLException firstSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                return (SQLException) c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
