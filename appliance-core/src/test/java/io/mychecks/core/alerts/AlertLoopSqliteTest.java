package io.mychecks.core.alerts;

import io.mychecks.core.testing.TestDatabases;

class AlertLoopSqliteTest
        implements AlertLoopContract,
                OutboxFencingContract,
                DeliveryBatchContract,
                DispatchBatchContract {
    @Override
    public AlertHarness newHarness() {
        return new AlertHarness(TestDatabases.sqlite());
    }

    @Override
    public AlertHarness newHarness(io.mychecks.core.notify.NotifierRegistry registry) {
        return new AlertHarness(TestDatabases.sqlite(), registry);
    }
}
