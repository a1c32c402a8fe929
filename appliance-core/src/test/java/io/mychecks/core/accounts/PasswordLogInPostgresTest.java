package io.mychecks.core.accounts;

import io.mychecks.core.testing.OnPostgres;

/** {@link PasswordLogInContract} on a fresh Postgres database, emptied before each test. */
class PasswordLogInPostgresTest extends OnPostgres implements PasswordLogInContract {}
