package io.mychecks.core.flips;

import io.mychecks.core.testing.OnSqlite;

/** {@link FlipStoreContract} on a fresh Sqlite database, emptied before each test. */
class FlipStoreSqliteTest extends OnSqlite implements FlipStoreContract {}
