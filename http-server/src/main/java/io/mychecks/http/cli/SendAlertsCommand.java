package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.alerts.AlertLoop;
import io.mychecks.core.settings.SettingsLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    public Integer call() throws InterruptedException {
        Appliance app = Appliance.open(SettingsLoader.load());
        AlertLoop loop = app.alertLoop();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    loop.stop();
                                    app.close();
                                    stopped.countDown();
                                },
                                "shutdown"));
        loop.start();
        spec.commandLine().getOut().println("Alert loop running. Press Ctrl+C to stop.");
        stopped.await();
        return 0;
    }
}
