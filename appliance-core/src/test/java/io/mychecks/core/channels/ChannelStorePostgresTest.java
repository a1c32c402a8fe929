package io.mychecks.core.channels;

import io.mychecks.core.testing.OnPostgres;

/** {@link ChannelStoreContract} on a fresh Postgres database, emptied before each test. */
class ChannelStorePostgresTest extends OnPostgres implements ChannelStoreContract {}
