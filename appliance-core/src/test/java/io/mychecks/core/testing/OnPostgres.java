package io.mychecks.core.testing;

import io.mychecks.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a store contract on a fresh PostgreSQL database, emptied before each test: {@code class
 * XPostgresTest extends OnPostgres implements XContract {}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnPostgres {
    private final TestDatabase db = TestDatabases.postgres();

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
