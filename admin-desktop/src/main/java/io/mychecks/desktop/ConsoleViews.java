package io.mychecks.desktop;

import io.mychecks.core.Version;
import io.mychecks.core.admin.Backups;
import io.mychecks.desktop.about.AboutView;
import io.mychecks.desktop.about.AboutViewModel;
import io.mychecks.desktop.backup.BackupView;
import io.mychecks.desktop.backup.BackupViewModel;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.CommandRunner;
import io.mychecks.desktop.common.ConsoleContext;
import io.mychecks.desktop.common.ServiceControl;
import io.mychecks.desktop.integrations.IntegrationsView;
import io.mychecks.desktop.integrations.IntegrationsViewModel;
import io.mychecks.desktop.logs.FileLogSource;
import io.mychecks.desktop.logs.JournalLogSource;
import io.mychecks.desktop.logs.LogSource;
import io.mychecks.desktop.logs.LogsView;
import io.mychecks.desktop.logs.LogsViewModel;
import io.mychecks.desktop.prune.PruneView;
import io.mychecks.desktop.prune.PruneViewModel;
import io.mychecks.desktop.settings.SettingsEditor;
import io.mychecks.desktop.settings.SettingsSaver;
import io.mychecks.desktop.settings.SettingsView;
import io.mychecks.desktop.settings.SettingsViewModel;
import io.mychecks.desktop.status.StatusView;
import io.mychecks.desktop.status.StatusViewModel;
import io.mychecks.desktop.users.UsersView;
import io.mychecks.desktop.users.UsersViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** Builds every section of the console over one context: the composition root of the GUI. */
public final class ConsoleViews {
    private final ConsoleContext ctx;
    private final Background background;
    private final CommandRunner commands;
    private final ServiceControl service;
    private final ZoneId zone = ZoneId.systemDefault();

    public ConsoleViews(
            ConsoleContext ctx, Background background, CommandRunner commands, boolean systemd) {
        this.ctx = ctx;
        this.background = background;
        this.commands = commands;
        this.service = new ServiceControl(commands, systemd, ctx.settings().httpListen());
    }

    public ServiceControl service() {
        return service;
    }

    public List<MainView.Section> sections() {
        return List.of(
                new MainView.Section("Status", () -> new StatusView(status()).root()),
                new MainView.Section("Settings", () -> new SettingsView(settings()).root()),
                new MainView.Section(
                        "Integrations", () -> new IntegrationsView(integrations()).root()),
                new MainView.Section("Database", () -> new PruneView(prune()).root()),
                new MainView.Section("Backup", () -> new BackupView(backup()).root()),
                new MainView.Section("Users", () -> new UsersView(users(), zone).root()),
                new MainView.Section("Logs", () -> new LogsView(logs()).root()),
                new MainView.Section("About", () -> new AboutView(about()).root()));
    }

    public StatusViewModel status() {
        return new StatusViewModel(() -> ctx.app().statusService(), service, background, zone);
    }

    private SettingsSaver saver() {
        return new SettingsSaver(
                new SettingsEditor(ctx.configFile()), background, service, ctx.configWritable());
    }

    public SettingsViewModel settings() {
        try {
            return new SettingsViewModel(saver(), background, ctx::settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IntegrationsViewModel integrations() {
        try {
            return new IntegrationsViewModel(saver(), ctx.app().notifiers().descriptions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PruneViewModel prune() {
        try {
            return new PruneViewModel(
                    () -> ctx.app().pruneTasks(),
                    () -> ctx.app().databaseCare(),
                    background,
                    saver());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BackupViewModel backup() {
        Backups backups =
                new Backups(
                        ctx.settings(),
                        java.util.Optional.of(ctx.configFile()),
                        java.time.Clock.systemUTC(),
                        Version.current());
        return new BackupViewModel(
                backups,
                () -> ctx.app().database(),
                ctx::whileClosed,
                service,
                background,
                ctx.settings().usesPostgres(),
                Backups.pgDumpCommand(ctx.settings()),
                Path.of(System.getProperty("user.home")));
    }

    public UsersViewModel users() {
        return new UsersViewModel(() -> ctx.app().userAdmin(), background);
    }

    public LogsViewModel logs() {
        LogSource source =
                service.managed()
                        ? new JournalLogSource(commands)
                        : new FileLogSource(ctx.settings().daemonLogFile());
        return new LogsViewModel(
                source, () -> ctx.app().statusService(), ctx::settings, background);
    }

    public AboutViewModel about() {
        return new AboutViewModel(ctx.settings(), ctx.configFile());
    }
}
