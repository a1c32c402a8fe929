package io.mychecks.http.cli;

import io.mychecks.core.db.DatabaseException;
import io.mychecks.core.settings.InvalidSettingException;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.settings.SettingsLoader;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mychecks} command line. Exit codes: 0 success, 1 failure, 2 bad usage or a bad
 * setting; errors are one line on stderr, never a stack trace.
 */
@Command(
        name = "mychecks",
        mixinStandardHelpOptions = true,
        versionProvider = Mychecks.Version.class,
        description = "Mychecks: a self-hosted watchdog for cron jobs and background tasks.",
        subcommands = {
            ServeCommand.class,
            SmtpdCommand.class,
            MigrateCommand.class,
            CreateSuperuserCommand.class,
            ApiKeysCommand.class,
            SendAlertsCommand.class,
            SendReportsCommand.class,
            PrunePingsCommand.class,
            PruneNotificationsCommand.class,
            PruneUsersCommand.class,
            PruneTokenBucketCommand.class,
            PruneFlipsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Mychecks implements Runnable {
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The environment settings are read from: the real one, or a test's. */
    private final Map<String, String> env;

    private Mychecks(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.getenv(), out, err);
    }

    /** Runs the command line with {@code env} in place of the process environment. */
    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Mychecks(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    if (e instanceof InvalidSettingException) {
                        err.println("mychecks: invalid setting " + e.getMessage());
                        return USAGE;
                    }
                    if (e instanceof UsageException) {
                        err.println("mychecks: " + e.getMessage());
                        return USAGE;
                    }
                    if (e instanceof DatabaseException || e instanceof FailureException) {
                        err.println("mychecks: " + e.getMessage());
                        return FAILURE;
                    }
                    err.println(
                            "mychecks: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return FAILURE;
                });
        cli.setParameterExceptionHandler(
                (e, a) -> {
                    err.println("mychecks: " + e.getMessage());
                    err.println(
                            "Run 'mychecks "
                                    + commandPath(e.getCommandLine())
                                    + "--help' for usage.");
                    return USAGE;
                });
        return cli.execute(args);
    }

    /** Loads the settings (environment, settings file, defaults); subcommands call this. */
    Settings settings() {
        return SettingsLoader.load(env);
    }

    private static String commandPath(CommandLine cl) {
        String qualified = cl.getCommandSpec().qualifiedName(" ");
        return qualified.equals("mychecks") ? "" : qualified.substring("mychecks ".length()) + " ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new UsageException("a command is required");
    }

    /** Prints the version from the jar manifest, or "dev" in a checkout. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mychecks " + io.mychecks.core.Version.current()};
        }
    }

    /** Bad usage caught after parsing: exit code 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** A command could not do its work: exit code 1. */
    public static final class FailureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FailureException(String message) {
            super(message);
        }
    }
}
