package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.FlipPruner;
import io.mychecks.core.prune.Pruner;
import picocli.CommandLine.Command;

/** {@code mychecks pruneflips}: deletes status changes older than 3 months. */
@Command(
        name = "pruneflips",
        mixinStandardHelpOptions = true,
        description = {
            "Delete status changes older than 3 months (they no longer feed the monthly downtime figures).",
            "Prints what it removed. Safe to run while the daemon runs; try it on a copy of the database first."
        })
final class PruneFlipsCommand extends PruneCommand {
    @Override
    Pruner pruner(Appliance app) {
        return new FlipPruner(app.database(), app.clock());
    }

    @Override
    String noun() {
        return "flips";
    }
}
