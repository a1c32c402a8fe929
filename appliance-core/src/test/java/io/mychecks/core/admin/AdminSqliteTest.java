package io.mychecks.core.admin;

import io.mychecks.core.testing.OnSqlite;

/** {@link AdminContract} on a fresh SQLite database, emptied before each test. */
class AdminSqliteTest extends OnSqlite implements AdminContract {}
