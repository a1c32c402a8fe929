package io.mychecks.core.pings;

import io.mychecks.core.testing.OnPostgres;

/** {@link PingStoreContract} on a fresh Postgres database, emptied before each test. */
class PingStorePostgresTest extends OnPostgres implements PingStoreContract {}
