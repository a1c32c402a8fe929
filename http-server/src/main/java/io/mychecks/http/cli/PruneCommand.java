package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.prune.Pruner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the five prune commands share: open the appliance, run one pruner, print {@code Pruned N
 * <noun>}. The pruners work in small transactions, so the daemon may keep running.
 */
abstract class PruneCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Mychecks root;

    /** The pruner this command runs. */
    abstract Pruner pruner(Appliance app);

    /** What the count counts, as printed: {@code pings}, {@code token bucket entries}. */
    abstract String noun();

    @Override
    public Integer call() {
        try (Appliance app = Appliance.open(root.settings())) {
            long pruned = pruner(app).prune();
            spec.commandLine().getOut().println("Pruned " + pruned + " " + noun());
        }
        return 0;
    }
}
