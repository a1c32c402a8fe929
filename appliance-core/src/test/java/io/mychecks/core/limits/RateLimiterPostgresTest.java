package io.mychecks.core.limits;

import io.mychecks.core.testing.OnPostgres;

/** {@link RateLimiterContract} on a fresh Postgres database, emptied before each test. */
class RateLimiterPostgresTest extends OnPostgres implements RateLimiterContract {}
