package io.mychecks.core.checks;

import io.mychecks.core.testing.OnPostgres;

/** {@link CheckStatsStoreContract} on a fresh Postgres database, emptied before each test. */
class CheckStatsStorePostgresTest extends OnPostgres implements CheckStatsStoreContract {}
