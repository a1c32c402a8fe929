package io.mychecks.core.flips;

import io.mychecks.core.testing.OnPostgres;

/** {@link FlipStoreContract} on a fresh Postgres database, emptied before each test. */
class FlipStorePostgresTest extends OnPostgres implements FlipStoreContract {}
