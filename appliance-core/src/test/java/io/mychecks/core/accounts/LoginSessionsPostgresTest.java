package io.mychecks.core.accounts;

import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** {@link LoginSessionsContract} on a fresh Postgres database, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginSessionsPostgresTest implements LoginSessionsContract {
    final TestDatabase db = TestDatabases.postgres();

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
