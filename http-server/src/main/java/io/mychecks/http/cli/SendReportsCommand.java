package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.Lifecycle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mychecks sendreports}: sends the reports and nags that are due, once or in a loop. {@code
 * serve} does this itself; several copies may share one database.
 */
@Command(
        name = "sendreports",
        mixinStandardHelpOptions = true,
        description = {
            "Send the email reports and nag reminders that are due.",
            "serve does this every minute by itself; use this on a host that runs sendalerts alone.",
            "Any number of copies may run against one database: each report is sent once."
        })
final class SendReportsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Mychecks root;

    @Option(names = "--loop", description = "Keep running, one round a minute, until stopped.")
    boolean loop;

    @Override
    public Integer call() throws Exception {
        Appliance app = Appliance.open(root.settings());
        if (!loop) {
            try (app) {
                if (!app.mail().configured()) {
                    spec.commandLine()
                            .getErr()
                            .println("sendreports: EMAIL_HOST is not set; nothing can be sent");
                    return Mychecks.FAILURE;
                }
                int sent = app.reportLoop().round();
                spec.commandLine()
                        .getOut()
                        .println("Sent " + sent + (sent == 1 ? " email." : " emails."));
                return 0;
            }
        }
        Lifecycle lifecycle =
                new Lifecycle().onStop(app::close).add(app.reportLoop()).stopOnShutdown();
        lifecycle.start();
        spec.commandLine().getOut().println("Sending reports every minute. Press Ctrl+C to stop.");
        lifecycle.awaitStop();
        return 0;
    }
}
