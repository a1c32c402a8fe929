package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnPostgres;

/** {@link AccountStoreContract} on a fresh Postgres database, emptied before each test. */
class AccountStorePostgresTest extends OnPostgres implements AccountStoreContract {}
