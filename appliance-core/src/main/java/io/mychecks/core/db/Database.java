package io.mychecks.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mychecks.core.settings.Settings;
import java.nio.file.Files;
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
            String host = settings.get("DB_HOST").isEmpty() ? "127.0.0.1" : settings.get("DB_HOST");
            String port = settings.get("DB_PORT").isEmpty() ? "5432" : settings.get("DB_PORT");
            String name = settings.get("DB_NAME").isEmpty() ? "hc" : settings.get("DB_NAME");
            String url =
                    "jdbc:postgresql://"
                            + host
                            + ":"
                            + port
                            + "/"
                            + name
                            + "?sslmode="
                            + settings.get("DB_SSLMODE")
                            + "&targetServerType="
                            + targetServerType(settings.get("DB_TARGET_SESSION_ATTRS"))
                            + "&reWriteBatchedInserts=true";
            return postgres(url, settings.get("DB_USER"), settings.get("DB_PASSWORD"));
        }
        String name = settings.get("DB_NAME");
        Path file = name.isEmpty() ? settings.dataDir().resolve("mychecks.sqlite") : Path.of(name);
        return sqlite(file);
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

    /** Opens (creating if needed) an SQLite database file. */
    public static Database sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new DatabaseException(
                    "cannot create the directory of " + file + ": " + e.getMessage(), e);
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

    /** Opens a PostgreSQL database by JDBC URL. */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mychecks-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
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
                    props.setProperty("socketTimeout", "30");
                    return DriverManager.getConnection(jdbcUrl, props);
                });
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
