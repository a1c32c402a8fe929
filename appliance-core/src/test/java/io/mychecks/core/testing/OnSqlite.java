package io.mychecks.core.testing;

import io.mychecks.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a store contract on a fresh SQLite database, emptied before each test: {@code class
 * XSqliteTest extends OnSqlite implements XContract {}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnSqlite {
    private final TestDatabase db = TestDatabases.sqlite();

    @BeforeEach
    void empty() {
        new Seed(db.database()).deleteAll();
    }

    @AfterAll
    void close() {
        db.close();
    }

    public TestDatabase db() {
        return db;
    }
}
