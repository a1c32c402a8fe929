package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.Pruner;
import io.mychecks.core.prune.UserPruner;
import picocli.CommandLine.Command;

/** {@code mychecks pruneusers}: deletes long-unused accounts. */
@Command(
        name = "pruneusers",
        mixinStandardHelpOptions = true,
        description = {
            "Delete accounts created over 6 months ago that never logged in, and accounts inactive for 6 months that own no checks (never superusers).",
            "Prints what it removed. Safe to run while the daemon runs; try it on a copy of the database first."
        })
final class PruneUsersCommand extends PruneCommand {
    @Override
    Pruner pruner(Appliance app) {
        return new UserPruner(app.database(), app.clock());
    }

    @Override
    String noun() {
        return "users";
    }
}
