package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnSqlite;

/** {@link LoginSessionsContract} on a fresh Sqlite database, emptied before each test. */
class LoginSessionsSqliteTest extends OnSqlite implements LoginSessionsContract {}
