package io.mychecks.core.operator;

import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;

class SuperuserEmailChannelSqliteTest extends SuperuserEmailChannelContract {
    @Override
    TestDatabase open() {
        return TestDatabases.sqlite();
    }
}
