package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.Lifecycle;
import io.mychecks.core.mail.SmtpListener;
import io.mychecks.core.settings.Listen;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.settings.SettingsLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mychecks smtpd}: only the SMTP listener for email pings, and the ping intake. */
@Command(
        name = "smtpd",
        mixinStandardHelpOptions = true,
        description = "Run only the SMTP listener that turns emails into pings (no AUTH, no TLS).")
final class SmtpdCommand implements Callable<Integer> {
    /** Where to listen when SMTP_LISTEN is set empty (which only turns it off in serve). */
    static final Listen FALLBACK = new Listen("127.0.0.1", 2525);

    @Spec CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on (default: the host of SMTP_LISTEN).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            description =
                    "Port to listen on, 0-65535; 0 picks a free one (default: the port of SMTP_LISTEN).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            throw new Mychecks.UsageException("--port must be 0-65535, not " + port);
        }
        if (host != null && host.isBlank()) {
            throw new Mychecks.UsageException("--host must not be empty");
        }
        Settings settings = SettingsLoader.load();
        Listen configured = settings.smtpListen().orElse(FALLBACK);
        Listen listen =
                new Listen(
                        host != null ? host.strip() : configured.host(),
                        port != null ? port : configured.port());
        Appliance app = Appliance.open(settings);
        SmtpListener smtp = app.smtpListener(listen);
        Lifecycle lifecycle =
                new Lifecycle().onStop(app::close).add(app.pingIntake()).add(smtp).stopOnShutdown();
        try {
            lifecycle.start();
        } catch (IllegalStateException e) {
            throw new Mychecks.FailureException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        String domain = settings.pingEmailDomain();
        out.println(
                "Mychecks SMTP listener is running ("
                        + (settings.usesPostgres() ? "PostgreSQL" : "SQLite " + settings.dataDir())
                        + ")");
        out.println("  SMTP (email pings): " + smtp.address().authority());
        out.println("  Addresses:          <uuid>@" + domain + ", <ping-key>+<slug>@" + domain);
        out.println("Press Ctrl+C to stop.");
        lifecycle.awaitStop();
        return 0;
    }
}
