package io.mychecks.core.prune;

import io.mychecks.core.testing.OnSqlite;

/** {@link PingPrunerContract} on a fresh Sqlite database, emptied before each test. */
class PingPrunerSqliteTest extends OnSqlite implements PingPrunerContract {}
