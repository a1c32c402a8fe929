package io.mychecks.desktop.logs;

import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import io.mychecks.desktop.common.WhileShown;
import java.io.File;
import java.time.LocalDate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** Binds the logs view; polls for new lines every 2 seconds and keeps the newest in sight. */
public final class LogsView {
    private final LogsViewModel model;
    private final Timeline follower;

    @FXML private TextField search;
    @FXML private ComboBox<LogLevel> level;
    @FXML private Button bundleButton;
    @FXML private ListView<String> lines;
    @FXML private Label message;

    public LogsView(LogsViewModel model) {
        this.model = model;
        this.follower = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.poll()));
        follower.setCycleCount(Timeline.INDEFINITE);
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        search.textProperty().bindBidirectional(model.searchProperty());
        level.getItems().setAll(LogLevel.values());
        level.valueProperty().bindBidirectional(model.levelProperty());
        lines.setItems(model.shown());
        lines.getStyleClass().add("log-lines");
        lines.setCellFactory(list -> new LevelCell());
        model.shown()
                .addListener(
                        (javafx.collections.ListChangeListener<String>)
                                c -> {
                                    if (!lines.getItems().isEmpty()) {
                                        lines.scrollTo(lines.getItems().size() - 1);
                                    }
                                });
        bundleButton.setOnAction(e -> saveBundle());
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());
        model.load();
        WhileShown.play(root, follower, model::poll);
        return root;
    }

    /** A log line, coloured by its level. */
    private static final class LevelCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("log-warn", "log-error");
            setText(empty ? null : line);
            if (!empty && line != null) {
                LogLevel level = LogLevel.of(line);
                if (level == LogLevel.ERROR) {
                    getStyleClass().add("log-error");
                } else if (level == LogLevel.WARN) {
                    getStyleClass().add("log-warn");
                }
            }
        }
    }

    private void saveBundle() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the support bundle");
        chooser.setInitialFileName("mychecks-support-" + LocalDate.now() + ".zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archives", "*.zip"));
        File f = chooser.showSaveDialog(lines.getScene().getWindow());
        if (f != null) {
            model.saveBundle(f.toPath());
        }
    }
}
