package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.Pruner;
import io.mychecks.core.prune.TokenBucketPruner;
import picocli.CommandLine.Command;

/** {@code mychecks prunetokenbucket}: deletes rate-limit records older than a day. */
@Command(
        name = "prunetokenbucket",
        mixinStandardHelpOptions = true,
        description = {
            "Delete rate-limit records older than one day.",
            "Prints what it removed. Safe to run while the daemon runs; try it on a copy of the database first."
        })
final class PruneTokenBucketCommand extends PruneCommand {
    @Override
    Pruner pruner(Appliance app) {
        return new TokenBucketPruner(app.database(), app.clock());
    }

    @Override
    String noun() {
        return "token bucket entries";
    }
}
