package io.mychecks.desktop.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.core.testing.Seed;
import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PruneViewModelTest extends OnTestAppliance {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    PruneViewModel model;

    @BeforeEach
    void open() throws Exception {
        model =
                new PruneViewModel(
                        () -> appliance.ctx.app().pruneTasks(),
                        () -> appliance.ctx.app().databaseCare(),
                        Background.direct(),
                        appliance.saver());
    }

    void pings(int keep, int count) {
        Seed seed = new Seed(appliance.ctx.app().database());
        User owner = seed.user(T0);
        seed.pingLogLimit(owner, keep);
        Check check = seed.check(seed.project(owner, T0), T0);
        seed.pings(check, 1, count, T0);
    }

    @Test
    void theFiveTasksAreListedWithAPreviewCount() {
        pings(2, 5);
        assertThat(model.rows())
                .extracting(PruneRow::command)
                .containsExactly(
                        "prunepings",
                        "prunenotifications",
                        "pruneusers",
                        "prunetokenbucket",
                        "pruneflips");
        model.previewAll();
        assertThat(model.row("prunepings").previewProperty().get()).isEqualTo("3 pings");
        assertThat(model.row("pruneflips").previewProperty().get()).isEqualTo("0 flips");
    }

    @Test
    void aRunShowsProgressThenItsResult() {
        pings(0, 2500);
        List<Double> progress = new ArrayList<>();
        model.row("prunepings")
                .progressProperty()
                .addListener((o, a, b) -> progress.add(b.doubleValue()));
        model.run(model.row("prunepings"));
        assertThat(model.row("prunepings").resultProperty().get()).isEqualTo("Deleted 2,500 pings");
        assertThat(progress).contains(0.4, 0.8, 1.0);
        assertThat(model.row("prunepings").previewProperty().get()).isEqualTo("0 pings");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aCancelledRunStopsAfterItsBatchAndKeepsTheRest() {
        pings(0, 2500);
        PruneRow row = model.row("prunepings");
        row.progressProperty()
                .addListener(
                        (o, a, b) -> {
                            if (b.doubleValue() > 0) {
                                model.cancel();
                            }
                        });
        model.run(row);
        assertThat(row.resultProperty().get()).isEqualTo("Cancelled after deleting 1,000 pings");
        assertThat(model.messageProperty().get()).startsWith("Cancelled");
        assertThat(row.previewProperty().get()).isEqualTo("1,500 pings");
    }

    @Test
    void theDailyScheduleIsCheckedAndSaved() throws Exception {
        model.dailyAt().valueProperty().set("25:00");
        model.saveSchedule();
        assertThat(model.saver().messageProperty().get())
                .contains("PRUNE_DAILY_AT must be a time HH:MM");
        assertThat(Files.readString(appliance.config)).doesNotContain("\nPRUNE_DAILY_AT=");
        model.dailyAt().valueProperty().set("03:30");
        model.saveSchedule();
        assertThat(Files.readString(appliance.config)).contains("\nPRUNE_DAILY_AT=03:30\n");
    }

    @Test
    void vacuumShowsTheSizeBeforeAndAfter() {
        pings(0, 200);
        model.vacuum();
        assertThat(model.vacuumResultProperty().get())
                .matches("Before: [0-9.]+ [KM]?B, after: [0-9.]+ [KM]?B");
    }
}
