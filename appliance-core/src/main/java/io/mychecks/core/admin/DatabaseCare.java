package io.mychecks.core.admin;

import io.mychecks.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The database's size, and vacuuming it (SQLite VACUUM, PostgreSQL VACUUM ANALYZE). */
public final class DatabaseCare {
    /** Sizes in bytes before and after a vacuum. */
    public record VacuumResult(long before, long after) {}

    private final Database database;
    private final DatabaseCareStore store = new DatabaseCareStore();

    public DatabaseCare(Database database) {
        this.database = database;
    }

    /**
     * Bytes on disk: SQLite's file plus its write-ahead log, or what PostgreSQL reports for the
     * database.
     */
    public long size() {
        if (database.isPostgres()) {
            return store.postgresSize(database.dsl());
        }
        String open = store.sqliteFile(database.dsl());
        if (open.isEmpty()) {
            return store.sqliteSize(database.dsl()); // in memory
        }
        Path file = Path.of(open);
        return fileSize(file) + fileSize(Path.of(file + "-wal"));
    }

    /**
     * Vacuums the database and returns its size before and after. On SQLite this rewrites the file
     * and briefly blocks writers (pings wait, then continue).
     */
    public VacuumResult vacuum() {
        long before = size();
        store.vacuum(database);
        return new VacuumResult(before, size());
    }

    private static long fileSize(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
