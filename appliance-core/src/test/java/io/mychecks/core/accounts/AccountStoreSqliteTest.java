package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnSqlite;

/** {@link AccountStoreContract} on a fresh Sqlite database, emptied before each test. */
class AccountStoreSqliteTest extends OnSqlite implements AccountStoreContract {}
