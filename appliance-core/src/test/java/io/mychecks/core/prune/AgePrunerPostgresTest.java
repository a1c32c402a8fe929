package io.mychecks.core.prune;

import io.mychecks.core.testing.OnPostgres;

/** {@link AgePrunerContract} on a fresh Postgres database, emptied before each test. */
class AgePrunerPostgresTest extends OnPostgres implements AgePrunerContract {}
