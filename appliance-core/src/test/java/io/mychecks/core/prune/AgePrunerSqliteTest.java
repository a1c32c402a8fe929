package io.mychecks.core.prune;

import io.mychecks.core.testing.OnSqlite;

/** {@link AgePrunerContract} on a fresh Sqlite database, emptied before each test. */
class AgePrunerSqliteTest extends OnSqlite implements AgePrunerContract {}
