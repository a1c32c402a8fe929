package io.mychecks.core.alerts;

import io.mychecks.core.testing.TestDatabases;

class AlertLoopPostgresTest
        implements AlertLoopContract,
                OutboxFencingContract,
                DeliveryBatchContract,
                DispatchBatchContract {
    @Override
    public AlertHarness newHarness() {
        return new AlertHarness(TestDatabases.postgres());
    }

    @Override
    public AlertHarness newHarness(io.mychecks.core.notify.NotifierRegistry registry) {
        return new AlertHarness(TestDatabases.postgres(), registry);
    }
}
