package io.mychecks.core.pings;

import io.mychecks.core.testing.OnSqlite;

/** {@link PingWarmUpContract} on a fresh Sqlite database, emptied before each test. */
class PingWarmUpSqliteTest extends OnSqlite implements PingWarmUpContract {}
