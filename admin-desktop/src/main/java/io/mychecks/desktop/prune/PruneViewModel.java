package io.mychecks.desktop.prune;

import io.mychecks.core.admin.DatabaseCare;
import io.mychecks.core.prune.PruneMonitor;
import io.mychecks.core.prune.PruneTask;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import io.mychecks.desktop.common.Text;
import io.mychecks.desktop.settings.SettingRow;
import io.mychecks.desktop.settings.SettingsSaver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Pruning and database care: the five prune tasks, each with a preview count and a run that shows
 * progress and can be cancelled (one at a time); the daily schedule the daemon runs; vacuum with
 * the size before and after.
 */
public final class PruneViewModel {
    private final Supplier<List<PruneTask>> tasks;
    private final Supplier<DatabaseCare> care;
    private final Background background;
    private final SettingsSaver saver;
    private final List<PruneRow> rows;
    private final SettingRow dailyAt;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final MessageLine message = new MessageLine();
    private final StringProperty vacuumResult = new SimpleStringProperty("");
    private final AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param tasks the prune tasks of the appliance open now
     */
    public PruneViewModel(
            Supplier<List<PruneTask>> tasks,
            Supplier<DatabaseCare> care,
            Background background,
            SettingsSaver saver)
            throws IOException {
        this.tasks = tasks;
        this.care = care;
        this.background = background;
        this.saver = saver;
        this.rows = tasks.get().stream().map(PruneRow::new).toList();
        this.dailyAt =
                new SettingRow(
                        io.mychecks.core.settings.SettingKeys.find("PRUNE_DAILY_AT").orElseThrow(),
                        saver.editor().fileValues().get("PRUNE_DAILY_AT"));
    }

    public List<PruneRow> rows() {
        return rows;
    }

    public PruneRow row(String command) {
        return rows.stream()
                .filter(r -> r.command().equals(command))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prune task " + command));
    }

    private PruneTask live(PruneRow row) {
        // the appliance may have been opened again (after a restore): use its own pruner
        return tasks.get().stream()
                .filter(t -> t.command().equals(row.command()))
                .findFirst()
                .orElse(row.task());
    }

    /** Counts what each task would delete now. */
    public void previewAll() {
        rows.forEach(this::preview);
    }

    public void preview(PruneRow row) {
        row.previewProperty().set("counting…");
        background.run(
                () -> live(row).pruner().preview(),
                n -> row.previewProperty().set(Text.count(n) + " " + row.task().noun(n)),
                problem -> row.previewProperty().set("could not count: " + problem));
    }

    /** Runs one task with progress; refused while another runs. */
    public void run(PruneRow row) {
        if (running.get()) {
            fail("A prune is running: wait for it or cancel it first.");
            return;
        }
        running.set(true);
        cancel.set(false);
        row.progressProperty().set(-1);
        row.resultProperty().set("running…");
        PruneTask task = live(row);
        background.run(
                () -> {
                    long total = task.pruner().preview();
                    background.ui(() -> row.progressProperty().set(total == 0 ? 1 : 0));
                    long deleted =
                            task.pruner()
                                    .prune(
                                            new PruneMonitor() {
                                                @Override
                                                public void deleted(long soFar) {
                                                    double p =
                                                            total <= 0
                                                                    ? 1
                                                                    : Math.min(
                                                                            1.0,
                                                                            (double) soFar / total);
                                                    background.ui(
                                                            () -> row.progressProperty().set(p));
                                                }

                                                @Override
                                                public boolean cancelled() {
                                                    return cancel.get();
                                                }
                                            });
                    return deleted;
                },
                deleted -> {
                    running.set(false);
                    String what = Text.count(deleted) + " " + task.noun(deleted);
                    if (cancel.get()) {
                        row.resultProperty().set("Cancelled after deleting " + what);
                        say("Cancelled: " + what + " deleted before the stop; the rest stays.");
                    } else {
                        row.progressProperty().set(1);
                        row.resultProperty().set("Deleted " + what);
                        say("Done: deleted " + what + ".");
                    }
                    preview(row);
                },
                problem -> {
                    running.set(false);
                    row.resultProperty().set("Failed");
                    fail(row.task().label() + " failed: " + problem);
                });
    }

    /** Asks the running prune to stop after its current batch. */
    public void cancel() {
        cancel.set(true);
    }

    /** Vacuums the database and shows its size before and after. */
    public void vacuum() {
        if (running.get()) {
            fail("A prune is running: wait for it or cancel it first.");
            return;
        }
        running.set(true);
        vacuumResult.set("vacuuming…");
        background.run(
                () -> care.get().vacuum(),
                r -> {
                    running.set(false);
                    vacuumResult.set(
                            "Before: "
                                    + Text.bytes(r.before())
                                    + ", after: "
                                    + Text.bytes(r.after()));
                    say("Vacuum done.");
                },
                problem -> {
                    running.set(false);
                    vacuumResult.set("");
                    fail("Vacuum failed: " + problem);
                });
    }

    /** The daily prune time, saved to the settings file (the daemon reads it at start). */
    public SettingRow dailyAt() {
        return dailyAt;
    }

    public void saveSchedule() {
        saver.save(List.of(dailyAt));
    }

    public SettingsSaver saver() {
        return saver;
    }

    public void say(String text) {
        message.say(text);
    }

    public void fail(String text) {
        message.fail(text);
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty errorProperty() {
        return message.errorProperty();
    }

    public StringProperty vacuumResultProperty() {
        return vacuumResult;
    }
}
