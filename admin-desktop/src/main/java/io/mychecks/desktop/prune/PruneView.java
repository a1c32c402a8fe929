package io.mychecks.desktop.prune;

import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the database view: the prune tasks table, the schedule and vacuum. */
public final class PruneView {
    private final PruneViewModel model;

    @FXML private GridPane tasksGrid;
    @FXML private Button previewButton;
    @FXML private Button cancelButton;
    @FXML private Label message;
    @FXML private TextField dailyAt;
    @FXML private Button saveScheduleButton;
    @FXML private Label scheduleMessage;
    @FXML private Button vacuumButton;
    @FXML private Label vacuumResult;

    public PruneView(PruneViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        text.setMinWidth(170);
        ColumnConstraints count = new ColumnConstraints(130);
        ColumnConstraints run = new ColumnConstraints(170);
        tasksGrid.getColumnConstraints().addAll(text, count, run);
        int i = 0;
        for (PruneRow row : model.rows()) {
            Label label = new Label(row.task().label());
            label.getStyleClass().add("card-title");
            Label description = new Label(row.task().description());
            description.setWrapText(true);
            description.getStyleClass().add("setting-help");
            Label preview = new Label();
            preview.setId("preview-" + row.command());
            preview.textProperty().bind(row.previewProperty());
            preview.setWrapText(true);
            Button runButton = new Button("Run");
            runButton.setId("run-" + row.command());
            runButton.setOnAction(e -> model.run(row));
            runButton.disableProperty().bind(model.runningProperty());
            ProgressBar bar = new ProgressBar();
            bar.setId("progress-" + row.command());
            bar.progressProperty().bind(row.progressProperty());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.setPrefWidth(100);
            bar.setMinWidth(60);
            HBox.setHgrow(bar, Priority.ALWAYS);
            Label result = new Label();
            result.setId("result-" + row.command());
            result.textProperty().bind(row.resultProperty());
            result.setWrapText(true);
            tasksGrid.add(new VBox(2, label, description), 0, i);
            tasksGrid.add(preview, 1, i);
            HBox runLine = new HBox(8, runButton, bar);
            runLine.setAlignment(Pos.CENTER_LEFT);
            tasksGrid.add(new VBox(4, runLine, result), 2, i);
            i++;
        }
        previewButton.setOnAction(e -> model.previewAll());
        cancelButton.setOnAction(e -> model.cancel());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());

        dailyAt.textProperty().bindBidirectional(model.dailyAt().valueProperty());
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(
                dailyAt,
                false,
                (c, v) ->
                        ValidationResult.fromMessageIf(
                                c,
                                "PRUNE_DAILY_AT " + model.dailyAt().problemProperty().get(),
                                Severity.ERROR,
                                model.dailyAt().problemProperty().get() != null));
        saveScheduleButton.setOnAction(e -> model.saveSchedule());
        MessageBar.bind(
                scheduleMessage, model.saver().messageProperty(), model.saver().errorProperty());
        vacuumButton.setOnAction(e -> model.vacuum());
        vacuumButton.disableProperty().bind(model.runningProperty());
        vacuumResult.textProperty().bind(model.vacuumResultProperty());
        model.previewAll();
        return root;
    }
}
