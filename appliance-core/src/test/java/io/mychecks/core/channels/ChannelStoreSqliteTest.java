package io.mychecks.core.channels;

import io.mychecks.core.testing.OnSqlite;

/** {@link ChannelStoreContract} on a fresh Sqlite database, emptied before each test. */
class ChannelStoreSqliteTest extends OnSqlite implements ChannelStoreContract {}
