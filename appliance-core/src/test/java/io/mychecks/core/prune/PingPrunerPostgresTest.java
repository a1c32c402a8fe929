package io.mychecks.core.prune;

import io.mychecks.core.testing.OnPostgres;

/** {@link PingPrunerContract} on a fresh Postgres database, emptied before each test. */
class PingPrunerPostgresTest extends OnPostgres implements PingPrunerContract {}
