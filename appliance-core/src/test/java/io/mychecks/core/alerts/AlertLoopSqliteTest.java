package io.mychecks.core.alerts;

import io.mychecks.core.testing.TestDatabases;

class AlertLoopSqliteTest implements AlertLoopContract, OutboxFencingContract {
    @Override
    public AlertHarness newHarness() {
        return new AlertHarness(TestDatabases.sqlite());
    }
}
