package io.mychecks.core.checks;

import io.mychecks.core.testing.OnSqlite;

/** {@link CheckStoreContract} on a fresh Sqlite database, emptied before each test. */
class CheckStoreSqliteTest extends OnSqlite implements CheckStoreContract {}
