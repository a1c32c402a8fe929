package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.PingPruner;
import io.mychecks.core.prune.Pruner;
import picocli.CommandLine.Command;

/** {@code mychecks prunepings}: deletes all but each check's most recent pings. */
@Command(
        name = "prunepings",
        mixinStandardHelpOptions = true,
        description = {
            "For each check, delete all but its owner's most recent pings (ping_log_limit, 100 by default).",
            "Prints what it removed. Safe to run while the daemon runs; try it on a copy of the database first."
        })
final class PrunePingsCommand extends PruneCommand {
    @Override
    Pruner pruner(Appliance app) {
        return new PingPruner(app.database());
    }

    @Override
    String noun() {
        return "pings";
    }
}
