package io.mychecks.core.limits;

import io.mychecks.core.testing.OnSqlite;

/** {@link RateLimiterContract} on a fresh Sqlite database, emptied before each test. */
class RateLimiterSqliteTest extends OnSqlite implements RateLimiterContract {}
