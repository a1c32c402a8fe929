package io.mychecks.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.heartbeat.Heartbeats;
import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusViewModelTest extends OnTestAppliance {

    StatusViewModel model(String state, boolean systemd) {
        return new StatusViewModel(
                () -> appliance.ctx.app().statusService(),
                appliance.service(state, systemd),
                Background.direct(),
                ZoneOffset.UTC);
    }

    @Test
    void showsTheServiceTheDatabaseAndTheCounts() {
        appliance.ctx.app().userAdmin().createSuperuser("alice@example.org", "password123");
        StatusViewModel model = model("active", true);
        model.refresh();
        assertThat(model.serviceStateProperty().get())
                .isEqualTo("Running: mychecks.service is active");
        assertThat(model.serviceRunningProperty().get()).isTrue();
        assertThat(model.databaseProperty().get())
                .startsWith("SQLite ")
                .endsWith("mychecks.sqlite");
        assertThat(model.databaseSizeProperty().get()).matches("[0-9.]+ [KM]?B");
        assertThat(model.checksProperty().get()).isEqualTo("1");
        assertThat(model.downChecksProperty().get()).isEqualTo("0");
        assertThat(model.lastAlertProperty().get()).isEqualTo("never");
        assertThat(model.alertLoopProperty().get()).isEqualTo("Never ran on this database");
        assertThat(model.alertLoopAliveProperty().get()).isFalse();
    }

    @Test
    void theAlertLoopsHeartbeatAndAStoppedServiceShow() {
        new Heartbeats(appliance.ctx.app().database(), Clock.systemUTC())
                .maybeBeat(Heartbeats.ALERT_LOOP, java.time.Instant.now(), null);
        StatusViewModel model = model("inactive", true);
        model.refresh();
        assertThat(model.serviceStateProperty().get())
                .isEqualTo("Stopped: mychecks.service is inactive");
        assertThat(model.alertLoopProperty().get())
                .startsWith("Alive: last heartbeat ")
                .contains(" s ago on ");
        assertThat(model.alertLoopAliveProperty().get()).isTrue();
        model.start();
        assertThat(appliance.commands)
                .contains(
                        java.util.List.of(
                                "systemctl", "--no-ask-password", "start", "mychecks.service"));
        assertThat(model.messageProperty().get()).isEqualTo("mychecks.service: start done");
    }

    @Test
    void withoutSystemdThePortIsProbedAndStartIsExplained() {
        StatusViewModel model = model("active", false);
        model.refresh();
        assertThat(model.serviceStateProperty().get())
                .startsWith("Stopped: nothing answers on 127.0.0.1:9");
        model.start();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("systemd is not running here");
        assertThat(appliance.commands).isEmpty();
    }
}
