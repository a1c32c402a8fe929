package io.mychecks.core.notify;

import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;

class DeliveryStatusCallbackSqliteTest extends DeliveryStatusCallbackContract {
    @Override
    TestDatabase open() {
        return TestDatabases.sqlite();
    }
}
