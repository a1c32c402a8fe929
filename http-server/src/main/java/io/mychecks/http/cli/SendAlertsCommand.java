package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.Lifecycle;
import io.mychecks.core.settings.SettingsLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mychecks sendalerts}: runs only the alert loop (several may share one database). */
@Command(
        name = "sendalerts",
        mixinStandardHelpOptions = true,
        description = {
            "Run the alert loop alone: mark late checks down and send notifications.",
            "Any number of copies may run against one PostgreSQL database; each flip is notified once."
        })
final class SendAlertsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Appliance app = Appliance.open(SettingsLoader.load());
        Lifecycle lifecycle =
                new Lifecycle().onStop(app::close).add(app.alertLoop()).stopOnShutdown();
        lifecycle.start();
        spec.commandLine().getOut().println("Alert loop running. Press Ctrl+C to stop.");
        lifecycle.awaitStop();
        return 0;
    }
}
