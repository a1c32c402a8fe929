package io.mychecks.http.cli;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.settings.SettingsLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mychecks migrate}: brings the database schema up to date. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Create or upgrade the database schema.")
final class MigrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.load();
        try (Database db = Database.open(settings)) {
            int n = Migrations.migrate(db);
            spec.commandLine().getOut().println(n == 0 ? "Database is up to date." : "Applied " + n + " migration(s).");
        }
        return 0;
    }
}
