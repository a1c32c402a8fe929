package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.Lifecycle;
import io.mychecks.core.mail.SmtpListener;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.settings.SettingsLoader;
import io.mychecks.http.app.HttpServer;
import io.mychecks.http.logging.LogFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mychecks serve}: the daemon — web server, SMTP listener and alert loop. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the web server, the SMTP listener and the alert loop.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final Duration WARM_UP_BUDGET = Duration.ofMillis(2500);

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsLoader.load();
        Appliance app = Appliance.open(settings);
        // outside systemd, a log file in DATA_DIR for the console to follow
        if (!LogFile.underJournal(System.getenv())
                && java.nio.file.Files.isDirectory(settings.dataDir())) {
            LogFile.attach(settings.daemonLogFile());
        }
        HttpServer http = new HttpServer(app, settings.httpListen());
        SmtpListener smtp = settings.smtpListen().map(app::smtpListener).orElse(null);
        Lifecycle lifecycle =
                new Lifecycle()
                        .onStop(app::close)
                        .add(app.pingIntake())
                        .add(http)
                        .add(app.alertLoop())
                        .add(app.reportLoop());
        if (smtp != null) {
            lifecycle.add(smtp);
        }
        app.dailyPrune().ifPresent(lifecycle::add);
        lifecycle.stopOnShutdown();
        // before the web server opens: the first pings after a restart are served at full speed
        app.warmUp(WARM_UP_BUDGET).forEach(LOG::info);
        lifecycle.start();
        PrintWriter out = spec.commandLine().getOut();
        out.println(runningLine(settings));
        out.println("  Web and API:  " + http.baseUrl() + "/");
        out.println("  Ping URLs:    " + settings.pingEndpoint() + "<uuid>");
        out.println("  Alert loop:   running");
        if (smtp != null) {
            out.println(
                    "  SMTP (email pings): "
                            + smtp.address().authority()
                            + " (<uuid>@"
                            + settings.pingEmailDomain()
                            + ")");
        }
        out.println("Press Ctrl+C to stop.");
        lifecycle.awaitStop();
        return 0;
    }

    /** The first line serve prints: where the database really is (never a password). */
    static String runningLine(Settings settings) {
        return "Mychecks is running (" + settings.databaseLocation() + ")";
    }
}
