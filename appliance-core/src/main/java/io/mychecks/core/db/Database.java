package io.mychecks.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mychecks.core.settings.PrivateFiles;
import io.mychecks.core.settings.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionalCallable;
import org.jooq.TransactionalRunnable;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database of one process: a connection pool and a jOOQ context in the right dialect. SQLite
 * runs in WAL mode with a busy timeout, and every transaction begins IMMEDIATE so writers queue
 * instead of failing; reads outside transactions never take the write lock.
 */
public final class Database implements AutoCloseable {
    static {
        // keep jOOQ's start-up banner and tips out of the appliance's log
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private final org.jooq.conf.Settings jooq;
    private final ConnectionOpener opener;
    private final java.util.Set<Connection> own =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Opens a connection outside the pool. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private Database(HikariDataSource dataSource, SQLDialect dialect, ConnectionOpener opener) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.opener = opener;
        this.jooq =
                new org.jooq.conf.Settings()
                        .withExecuteLogging(false)
                        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                        .withRenderSchema(false)
                        .withReturnAllOnUpdatableRecord(true);
        this.dsl = DSL.using(dataSource, dialect, jooq);
    }

    /** Opens the database the settings name (DB, DB_NAME, DB_HOST …). */
    public static Database open(Settings settings) {
        if (settings.usesPostgres()) {
            return postgres(postgresDataSource(settings));
        }
        return sqlite(settings.sqliteFile());
    }

    /**
     * Returns the PostgreSQL data source the settings describe. Each setting goes into its own
     * property, never into a URL by string concatenation, so no value can add driver parameters
     * (the settings validation has already refused host names with {@code /}, {@code ?} …).
     */
    public static PGSimpleDataSource postgresDataSource(Settings settings) {
        String host = settings.get("DB_HOST").isEmpty() ? "127.0.0.1" : settings.get("DB_HOST");
        String port = settings.get("DB_PORT");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port.isEmpty() ? 5432 : Integer.parseInt(port)});
        ds.setDatabaseName(settings.postgresDatabase());
        ds.setUser(settings.get("DB_USER"));
        ds.setPassword(settings.get("DB_PASSWORD"));
        ds.setSslMode(settings.get("DB_SSLMODE"));
        ds.setTargetServerType(targetServerType(settings.get("DB_TARGET_SESSION_ATTRS")));
        ds.setReWriteBatchedInserts(true);
        ds.setConnectTimeout(10);
        return ds;
    }

    private static String targetServerType(String attrs) {
        switch (attrs.toLowerCase(Locale.ROOT)) {
            case "any":
                return "any";
            case "read-only":
            case "standby":
                return "secondary";
            case "prefer-standby":
                return "preferSecondary";
            default:
                return "primary";
        }
    }

    /**
     * Opens (creating if needed) an SQLite database file. A file created here, and its {@code -wal}
     * and {@code -shm} companions (SQLite gives them the database file's mode), is readable by its
     * owner only; so is a directory created for it (see {@link PrivateFiles}).
     */
    public static Database sqlite(Path file) {
        try {
            PrivateFiles.createFile(file);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create " + file + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("mychecks-sqlite");
        config.setJdbcUrl(
                "jdbc:sqlite:"
                        + file.toAbsolutePath()
                        + "?journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE"
                        + "&foreign_keys=true&synchronous=NORMAL");
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(1);
        String url = config.getJdbcUrl();
        return new Database(
                new HikariDataSource(config),
                SQLDialect.SQLITE,
                () -> DriverManager.getConnection(url));
    }

    /** Opens a PostgreSQL database by JDBC URL (tests, whose URLs are their own). */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = postgresPool();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        return new Database(
                new HikariDataSource(config),
                SQLDialect.POSTGRES,
                () -> {
                    Properties props = new Properties();
                    if (user != null) {
                        props.setProperty("user", user);
                    }
                    if (password != null) {
                        props.setProperty("password", password);
                    }
                    props.setProperty("connectTimeout", "5");
                    return DriverManager.getConnection(jdbcUrl, props);
                });
    }

    /** Opens a PostgreSQL database through {@code dataSource}. */
    public static Database postgres(PGSimpleDataSource dataSource) {
        HikariConfig config = postgresPool();
        config.setDataSource(dataSource);
        return new Database(
                new HikariDataSource(config), SQLDialect.POSTGRES, dataSource::getConnection);
    }

    private static HikariConfig postgresPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mychecks-postgres");
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return config;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Opens a connection of its own, outside the pool, in auto-commit mode: for a long-lived writer
     * that must notice at once when the database is back, rather than wait out the pool's reconnect
     * back-off. The caller closes it.
     */
    public Connection openConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database was closed", "08003");
        }
        own.removeIf(Database::isClosedQuietly);
        Connection c = opener.open();
        c.setAutoCommit(true);
        own.add(c);
        return c;
    }

    private static boolean isClosedQuietly(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** A jOOQ context on {@code connection}, with this database's dialect and settings. */
    public DSLContext dslOn(Connection connection) {
        return DSL.using(connection, dialect, jooq);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** True when {@code ctx} talks to PostgreSQL (row locks and other PostgreSQL-only SQL). */
    public static boolean isPostgres(DSLContext ctx) {
        return ctx.dialect().family() == SQLDialect.POSTGRES;
    }

    public boolean isPostgres() {
        return dialect == SQLDialect.POSTGRES;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public <T> T inTransaction(TransactionalCallable<T> work) {
        return dsl.transactionResult(work);
    }

    /**
     * Runs {@code work} in one transaction like {@link #inTransaction}, and runs it again (up to
     * four more times, after a short random pause) when PostgreSQL aborts it as a deadlock victim
     * or for a serialization failure. {@code work} must only touch the database.
     */
    public <T> T inTransactionRetrying(TransactionalCallable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(work);
            } catch (DataAccessException e) {
                String state = e.sqlState();
                boolean retryable = "40P01".equals(state) || "40001".equals(state);
                if (!retryable || attempt >= 5) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} in one transaction. */
    public void inTransactionRun(TransactionalRunnable work) {
        dsl.transaction(work);
    }

    /** Returns true when a trivial query succeeds (the status endpoint's probe). */
    public boolean isHealthy() {
        try {
            return dsl.selectOne().fetchOne(0, Integer.class) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : own) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        own.clear();
        dataSource.close();
    }
}
