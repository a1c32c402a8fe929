package io.mychecks.http.cli;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.mychecks.core.settings.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mychecks migrate}: brings the database schema up to date. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Create or upgrade the database schema.")
final class MigrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Mychecks root;

    @Override
    public Integer call() {
        Settings settings = root.settings();
        try (Database db = Database.open(settings)) {
            int n = Migrations.migrate(db);
            spec.commandLine()
                    .getOut()
                    .println(
                            n == 0 ? "Database is up to date." : "Applied " + n + " migration(s).");
        }
        return 0;
    }
}
