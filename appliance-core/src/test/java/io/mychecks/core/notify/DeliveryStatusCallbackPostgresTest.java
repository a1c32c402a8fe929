package io.mychecks.core.notify;

import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;

class DeliveryStatusCallbackPostgresTest extends DeliveryStatusCallbackContract {
    @Override
    TestDatabase open() {
        return TestDatabases.postgres();
    }
}
