package io.mychecks.core.admin;

import io.mychecks.core.testing.OnPostgres;

/** {@link AdminContract} on a fresh PostgreSQL database, emptied before each test. */
class AdminPostgresTest extends OnPostgres implements AdminContract {}
