package io.mychecks.core.pings;

import io.mychecks.core.testing.OnPostgres;

/** {@link PingWarmUpContract} on a fresh Postgres database, emptied before each test. */
class PingWarmUpPostgresTest extends OnPostgres implements PingWarmUpContract {}
