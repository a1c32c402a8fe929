package io.mychecks.core.checks;

import io.mychecks.core.testing.OnSqlite;

/** {@link CheckStatsStoreContract} on a fresh Sqlite database, emptied before each test. */
class CheckStatsStoreSqliteTest extends OnSqlite implements CheckStatsStoreContract {}
