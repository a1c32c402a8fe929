package io.mychecks.core.alerts;

import io.mychecks.core.testing.TestDatabases;

class AlertLoopPostgresTest implements AlertLoopContract, OutboxFencingContract {
    @Override
    public AlertHarness newHarness() {
        return new AlertHarness(TestDatabases.postgres());
    }
}
