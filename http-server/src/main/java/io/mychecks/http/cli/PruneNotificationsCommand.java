package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.NotificationPruner;
import io.mychecks.core.prune.Pruner;
import picocli.CommandLine.Command;

/**
 * {@code mychecks prunenotifications}: deletes notification records older than each check's oldest
 * ping.
 */
@Command(
        name = "prunenotifications",
        mixinStandardHelpOptions = true,
        description = {
            "For each check, delete notification records older than its oldest stored ping.",
            "Prints what it removed. Safe to run while the daemon runs; try it on a copy of the database first."
        })
final class PruneNotificationsCommand extends PruneCommand {
    @Override
    Pruner pruner(Appliance app) {
        return new NotificationPruner(app.database());
    }

    @Override
    String noun() {
        return "notifications";
    }
}
