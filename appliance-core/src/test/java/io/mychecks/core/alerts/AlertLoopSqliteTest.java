package io.mychecks.core.alerts;

import io.mychecks.core.testing.TestDatabases;

class AlertLoopSqliteTest implements AlertLoopContract {
    @Override
    public AlertHarness newHarness() {
        return new AlertHarness(TestDatabases.sqlite());
    }
}
