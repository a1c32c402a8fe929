package io.mychecks.core.admin;

import io.mychecks.core.heartbeat.Heartbeat;
import java.time.Instant;
import java.util.Optional;

/**
 * The appliance as the console's status page shows it.
 *
 * @param databaseKind "SQLite" or "PostgreSQL"
 * @param databaseSize bytes on disk
 * @param alertLoop the alert loop's newest heartbeat, empty when it never ran on this database
 */
public record ApplianceStatus(
        String version,
        String databaseKind,
        String databaseLocation,
        long databaseSize,
        StatusCounts counts,
        Optional<Heartbeat> alertLoop,
        Instant at) {}
