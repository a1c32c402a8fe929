package io.mychecks.core.limits;

import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** {@link RateLimiterContract} on a fresh Sqlite database, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimiterSqliteTest implements RateLimiterContract {
    final TestDatabase db = TestDatabases.sqlite();

    @BeforeEach
    void empty() {
        new Seed(db.database()).deleteAll();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    public TestDatabase db() {
        return db;
    }
}
