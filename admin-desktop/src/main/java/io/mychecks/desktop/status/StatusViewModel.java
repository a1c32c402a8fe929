package io.mychecks.desktop.status;

import io.mychecks.core.admin.ApplianceStatus;
import io.mychecks.core.admin.StatusCounts;
import io.mychecks.core.admin.StatusService;
import io.mychecks.core.heartbeat.Heartbeat;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import io.mychecks.desktop.common.ServiceControl;
import io.mychecks.desktop.common.Text;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status page: the service, the alert loop's heartbeat, the database and the counts. */
public final class StatusViewModel {
    private final Supplier<StatusService> status;
    private final ServiceControl service;
    private final Background background;
    private final ZoneId zone;

    private final StringProperty serviceState = new SimpleStringProperty("…");
    private final BooleanProperty serviceRunning = new SimpleBooleanProperty(false);
    private final StringProperty alertLoop = new SimpleStringProperty("…");
    private final BooleanProperty alertLoopAlive = new SimpleBooleanProperty(false);
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty databaseSize = new SimpleStringProperty("");
    private final StringProperty checks = new SimpleStringProperty("");
    private final StringProperty downChecks = new SimpleStringProperty("");
    private final StringProperty pingsLastHour = new SimpleStringProperty("");
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty failed = new SimpleStringProperty("");
    private final StringProperty lastAlert = new SimpleStringProperty("");
    private final MessageLine message = new MessageLine();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param status the status service of the appliance open now (it changes after a restore)
     */
    public StatusViewModel(
            Supplier<StatusService> status,
            ServiceControl service,
            Background background,
            ZoneId zone) {
        this.status = status;
        this.service = service;
        this.background = background;
        this.zone = zone;
    }

    /** Reads everything again. */
    public void refresh() {
        background.run(service::state, this::showService, problem -> serviceState.set(problem));
        background.run(() -> status.get().snapshot(), this::show, this::fail);
    }

    private void showService(ServiceControl.State s) {
        serviceRunning.set(s.running());
        serviceState.set((s.running() ? "Running: " : "Stopped: ") + s.description());
    }

    private void show(ApplianceStatus s) {
        version.set(s.version());
        database.set(s.databaseLocation());
        databaseSize.set(Text.bytes(s.databaseSize()));
        StatusCounts c = s.counts();
        checks.set(Text.count(c.checks()));
        downChecks.set(Text.count(c.downChecks()));
        pingsLastHour.set(Text.count(c.pingsLastHour()));
        pending.set(Text.count(c.notificationsPending()));
        failed.set(Text.count(c.notificationsFailed()));
        lastAlert.set(Text.when(c.lastAlertSent(), zone));
        if (s.alertLoop().isEmpty()) {
            alertLoopAlive.set(false);
            alertLoop.set("Never ran on this database");
        } else {
            Heartbeat h = s.alertLoop().get();
            boolean alive = h.alive(s.at());
            alertLoopAlive.set(alive);
            alertLoop.set(
                    (alive ? "Alive: " : "Not running: ")
                            + "last heartbeat "
                            + Text.age(h.age(s.at()))
                            + " ago on "
                            + h.host());
        }
    }

    public void start() {
        act(service::start);
    }

    public void stop() {
        act(service::stop);
    }

    public void restart() {
        act(service::restart);
    }

    private void act(Callable<String> action) {
        busy.set(true);
        background.run(
                action,
                done -> {
                    busy.set(false);
                    message.say(done);
                    refresh();
                },
                problem -> {
                    busy.set(false);
                    fail(problem);
                });
    }

    public void fail(String problem) {
        message.fail(problem);
    }

    public boolean serviceManaged() {
        return service.managed();
    }

    public StringProperty serviceStateProperty() {
        return serviceState;
    }

    public BooleanProperty serviceRunningProperty() {
        return serviceRunning;
    }

    public StringProperty alertLoopProperty() {
        return alertLoop;
    }

    public BooleanProperty alertLoopAliveProperty() {
        return alertLoopAlive;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty databaseSizeProperty() {
        return databaseSize;
    }

    public StringProperty checksProperty() {
        return checks;
    }

    public StringProperty downChecksProperty() {
        return downChecks;
    }

    public StringProperty pingsLastHourProperty() {
        return pingsLastHour;
    }

    public StringProperty pendingProperty() {
        return pending;
    }

    public StringProperty failedProperty() {
        return failed;
    }

    public StringProperty lastAlertProperty() {
        return lastAlert;
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
