package io.mychecks.core.db;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Binding and reading the schema's conventions (epoch-millisecond times, nullable numbers) in plain
 * JDBC.
 */
public final class Jdbc {
    private Jdbc() {}

    public static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, t.toEpochMilli());
        }
    }

    public static void setLong(PreparedStatement ps, int index, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, v);
        }
    }

    public static void setInteger(PreparedStatement ps, int index, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, v);
        }
    }

    /**
     * The SQLite driver's own result set under a connection pool's proxy, so that {@link #getText}
     * reads it the fast way and the row skips a layer of delegation; any other result set as it is.
     */
    public static ResultSet direct(ResultSet rs) throws SQLException {
        if (rs instanceof org.sqlite.jdbc4.JDBC4ResultSet) {
            return rs;
        }
        if (rs.isWrapperFor(org.sqlite.jdbc4.JDBC4ResultSet.class)) {
            return rs.unwrap(org.sqlite.jdbc4.JDBC4ResultSet.class);
        }
        return rs;
    }

    /**
     * The text in column {@code index}, or null. On SQLite it is read as the column's UTF-8 bytes:
     * the driver's {@code getString} goes through a direct buffer and a copy, a third slower, and
     * the check rows that the ping path and the checks list read are mostly text.
     */
    public static String getText(ResultSet rs, int index) throws SQLException {
        if (rs instanceof org.sqlite.jdbc4.JDBC4ResultSet) {
            byte[] utf8 = rs.getBytes(index);
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        }
        return rs.getString(index);
    }

    /** The epoch-millisecond time in column {@code index}, or null. */
    public static Instant getInstant(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** The number in column {@code index}, or null. */
    public static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
