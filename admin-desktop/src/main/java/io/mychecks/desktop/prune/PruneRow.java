package io.mychecks.desktop.prune;

import io.mychecks.core.prune.PruneTask;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One prune task in the view: its preview count, progress and last result. */
public final class PruneRow {
    private final PruneTask task;
    private final StringProperty preview = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty result = new SimpleStringProperty("");

    public PruneRow(PruneTask task) {
        this.task = task;
    }

    public PruneTask task() {
        return task;
    }

    public String command() {
        return task.command();
    }

    public StringProperty previewProperty() {
        return preview;
    }

    /** 0 to 1 while it runs; -1 while the count is not known yet. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty resultProperty() {
        return result;
    }
}
