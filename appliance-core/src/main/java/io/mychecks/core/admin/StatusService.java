package io.mychecks.core.admin;

import io.mychecks.core.Version;
import io.mychecks.core.db.Database;
import io.mychecks.core.heartbeat.Heartbeats;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Gathers the console's status figures from the database. */
public final class StatusService {
    private final Database database;
    private final Settings settings;
    private final Clock clock;
    private final Heartbeats heartbeats;
    private final DatabaseCare care;
    private final AdminStore store = new AdminStore();

    public StatusService(Database database, Settings settings, Clock clock, Heartbeats heartbeats) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.heartbeats = heartbeats;
        this.care = new DatabaseCare(database);
    }

    public ApplianceStatus snapshot() {
        Instant now = clock.instant();
        return new ApplianceStatus(
                Version.current(),
                database.isPostgres() ? "PostgreSQL" : "SQLite",
                settings.databaseLocation(),
                care.size(),
                store.counts(database.dsl(), now.minus(Duration.ofHours(1))),
                heartbeats.latest(Heartbeats.ALERT_LOOP),
                now);
    }
}
