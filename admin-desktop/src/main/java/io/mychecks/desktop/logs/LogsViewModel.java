package io.mychecks.desktop.logs;

import io.mychecks.core.admin.StatusService;
import io.mychecks.core.admin.SupportBundle;
import io.mychecks.core.settings.Settings;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.MessageLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The logs view: the daemon's last lines, followed, filtered by text and level; a support bundle.
 */
public final class LogsViewModel {
    static final int KEEP = 10_000;
    private final LogSource source;
    private final Supplier<StatusService> status;
    private final Supplier<Settings> settings;
    private final Background background;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<LogLevel> level = new SimpleObjectProperty<>(LogLevel.ALL);
    private final MessageLine message = new MessageLine();
    private boolean polling;

    public LogsViewModel(
            LogSource source,
            Supplier<StatusService> status,
            Supplier<Settings> settings,
            Background background) {
        this.source = source;
        this.status = status;
        this.settings = settings;
        this.background = background;
        search.addListener((o, a, b) -> refilter());
        level.addListener((o, a, b) -> refilter());
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        LogLevel min = level.get() == null ? LogLevel.ALL : level.get();
        shown.setPredicate(
                line ->
                        min.admits(LogLevel.of(line))
                                && (needle.isEmpty()
                                        || line.toLowerCase(Locale.ROOT).contains(needle)));
    }

    /** Loads the last lines. */
    public void load() {
        background.run(
                () -> source.last(1000),
                got -> {
                    lines.setAll(got);
                    if (got.isEmpty()) {
                        say("No lines yet in " + source.describe() + ".");
                    } else {
                        say("Following " + source.describe() + ".");
                    }
                },
                this::fail);
    }

    /** Adds the lines written since the last look (the view calls this every few seconds). */
    public void poll() {
        if (polling) {
            return;
        }
        polling = true;
        background.run(
                source::poll,
                got -> {
                    polling = false;
                    lines.addAll(got);
                    if (lines.size() > KEEP) {
                        lines.remove(0, lines.size() - KEEP);
                    }
                },
                problem -> {
                    polling = false;
                    fail(problem);
                });
    }

    /**
     * Writes the support bundle: version, status counts, settings with secrets masked, log lines.
     */
    public void saveBundle(Path zip) {
        List<String> last =
                List.copyOf(lines.subList(Math.max(0, lines.size() - 2000), lines.size()));
        background.run(
                () -> {
                    SupportBundle.write(zip, status.get().snapshot(), settings.get(), last);
                    return zip;
                },
                done -> say("Support bundle saved to " + done + ". Secrets in it are masked."),
                problem -> fail("No support bundle written: " + problem));
    }

    public void say(String text) {
        message.say(text);
    }

    public void fail(String text) {
        message.fail(text);
    }

    public ObservableList<String> lines() {
        return lines;
    }

    public FilteredList<String> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<LogLevel> levelProperty() {
        return level;
    }

    public StringProperty messageProperty() {
        return message.textProperty();
    }

    public BooleanProperty errorProperty() {
        return message.errorProperty();
    }
}
