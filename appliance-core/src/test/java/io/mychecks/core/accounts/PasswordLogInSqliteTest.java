package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnSqlite;

/** {@link PasswordLogInContract} on a fresh Sqlite database, emptied before each test. */
class PasswordLogInSqliteTest extends OnSqlite implements PasswordLogInContract {}
