package io.mychecks.core.reports;

import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;

class ReportsPostgresTest extends ReportsContract {
    @Override
    TestDatabase open() {
        return TestDatabases.postgres();
    }
}
