package io.mychecks.http.cli;

import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.User;
import io.mychecks.core.settings.SettingsLoader;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mychecks createsuperuser}: creates (or promotes) an administrator account. */
@Command(
        name = "createsuperuser",
        mixinStandardHelpOptions = true,
        description = "Create a superuser with a first project, check and email integration.")
final class CreateSuperuserCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--email", required = true, description = "the account's email address")
    String email;

    @Option(
            names = "--password-stdin",
            description = "read the password from standard input (first line)")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        String password = passwordStdin ? readStdin() : prompt();
        try (Appliance app = Appliance.open(SettingsLoader.load())) {
            User user = app.accounts().createSuperuser(email, password);
            spec.commandLine().getOut().println("Superuser " + user.email() + " is ready.");
        } catch (IllegalArgumentException e) {
            throw new Mychecks.UsageException(e.getMessage());
        }
        return 0;
    }

    private static String readStdin() throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isEmpty()) {
            throw new Mychecks.UsageException("--password-stdin: no password on standard input");
        }
        return line;
    }

    private static String prompt() {
        Console console = System.console();
        if (console == null) {
            throw new Mychecks.UsageException(
                    "no terminal to ask for a password: use --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password (again): ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            throw new Mychecks.UsageException("the passwords do not match");
        }
        return new String(first);
    }
}
