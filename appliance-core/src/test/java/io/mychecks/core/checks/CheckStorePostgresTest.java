package io.mychecks.core.checks;

import io.mychecks.core.testing.OnPostgres;

/** {@link CheckStoreContract} on a fresh Postgres database, emptied before each test. */
class CheckStorePostgresTest extends OnPostgres implements CheckStoreContract {}
