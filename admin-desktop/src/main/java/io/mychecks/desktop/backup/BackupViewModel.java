package io.mychecks.desktop.backup;

import io.mychecks.core.admin.Backups;
import io.mychecks.core.db.Database;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import io.mychecks.desktop.common.ServiceControl;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Backup and restore. SQLite: a consistent online copy of the database plus the settings file in
 * one archive; restore stops the service, checks the archive, swaps, migrates and starts it again.
 * PostgreSQL: the pg_dump command to use.
 */
public final class BackupViewModel {
    /** Runs work while the console's own connections to the database are closed. */
    public interface Closer {
        <T> T whileClosed(Callable<T> work) throws Exception;
    }

    private final Backups backups;
    private final Supplier<Database> database;
    private final Closer closer;
    private final ServiceControl service;
    private final Background background;
    private final boolean postgres;
    private final String pgDump;
    private final StringProperty backupPath = new SimpleStringProperty("");
    private final StringProperty restorePath = new SimpleStringProperty("");
    private final MessageLine message = new MessageLine();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public BackupViewModel(
            Backups backups,
            Supplier<Database> database,
            Closer closer,
            ServiceControl service,
            Background background,
            boolean postgres,
            String pgDump,
            Path defaultDir) {
        this.backups = backups;
        this.database = database;
        this.closer = closer;
        this.service = service;
        this.background = background;
        this.postgres = postgres;
        this.pgDump = pgDump;
        backupPath.set(
                defaultDir.resolve("mychecks-backup-" + LocalDate.now() + ".zip").toString());
    }

    public void backup() {
        Path target = path(backupPath.get());
        if (target == null) {
            fail("Enter the file to write the backup to.");
            return;
        }
        busy.set(true);
        background.run(
                () -> {
                    backups.backup(database.get(), target);
                    return target;
                },
                done -> {
                    busy.set(false);
                    say("Backup written to " + done + ".");
                },
                problem -> {
                    busy.set(false);
                    fail("No backup written: " + problem);
                });
    }

    /** Restores the archive at the restore path; the view asks for confirmation first. */
    public void restore() {
        Path archive = path(restorePath.get());
        if (archive == null) {
            fail("Choose the backup archive to restore.");
            return;
        }
        busy.set(true);
        background.run(
                () -> {
                    ServiceControl.State before = service.state();
                    if (before.running() && !before.managed()) {
                        throw new IllegalStateException(
                                "the daemon is running ("
                                        + before.description()
                                        + "): stop it before restoring");
                    }
                    if (before.running()) {
                        service.stop();
                    }
                    Backups.Restored r = closer.whileClosed(() -> backups.restore(archive));
                    if (before.running()) {
                        service.start();
                    }
                    return "Restored "
                            + archive.getFileName()
                            + ". The previous database is kept as "
                            + r.previousDatabase().getFileName()
                            + (r.settings()
                                    ? "; the settings file was restored too (previous one kept as .bak)"
                                    : "")
                            + (before.running() ? ". The service was started again." : ".");
                },
                done -> {
                    busy.set(false);
                    say(done);
                },
                problem -> {
                    busy.set(false);
                    fail("Not restored: " + problem);
                });
    }

    private static Path path(String raw) {
        return raw == null || raw.isBlank() ? null : Path.of(raw.strip());
    }

    public void say(String text) {
        message.say(text);
    }

    public void fail(String text) {
        message.fail(text);
    }

    public boolean postgres() {
        return postgres;
    }

    public String pgDumpCommand() {
        return pgDump;
    }

    public StringProperty backupPathProperty() {
        return backupPath;
    }

    public StringProperty restorePathProperty() {
        return restorePath;
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty errorProperty() {
        return message.errorProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
