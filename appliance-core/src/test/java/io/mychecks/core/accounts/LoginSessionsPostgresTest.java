package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnPostgres;

/** {@link LoginSessionsContract} on a fresh Postgres database, emptied before each test. */
class LoginSessionsPostgresTest extends OnPostgres implements LoginSessionsContract {}
