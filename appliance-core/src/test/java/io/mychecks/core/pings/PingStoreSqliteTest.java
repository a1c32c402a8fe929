package io.mychecks.core.pings;

import io.mychecks.core.testing.OnSqlite;

/** {@link PingStoreContract} on a fresh Sqlite database, emptied before each test. */
class PingStoreSqliteTest extends OnSqlite implements PingStoreContract {}
