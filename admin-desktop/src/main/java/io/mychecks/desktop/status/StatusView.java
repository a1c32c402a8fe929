package io.mychecks.desktop.status;

import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import io.mychecks.desktop.common.WhileShown;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** Binds the status page; refreshes every 5 seconds while shown. */
public final class StatusView {
    private final StatusViewModel model;
    private final Timeline refresher;

    @FXML private Label serviceState;
    @FXML private Label alertLoop;
    @FXML private Label version;
    @FXML private Label database;
    @FXML private Label databaseSize;
    @FXML private Label checks;
    @FXML private Label downChecks;
    @FXML private Label pingsLastHour;
    @FXML private Label pending;
    @FXML private Label failed;
    @FXML private Label lastAlert;
    @FXML private Label message;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button restartButton;
    @FXML private Label controlHint;

    public StatusView(StatusViewModel model) {
        this.model = model;
        this.refresher = new Timeline(new KeyFrame(Duration.seconds(5), e -> model.refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        serviceState.textProperty().bind(model.serviceStateProperty());
        alertLoop.textProperty().bind(model.alertLoopProperty());
        good(serviceState, model.serviceRunningProperty());
        good(alertLoop, model.alertLoopAliveProperty());
        version.textProperty().bind(model.versionProperty());
        database.textProperty().bind(model.databaseProperty());
        databaseSize.textProperty().bind(model.databaseSizeProperty());
        checks.textProperty().bind(model.checksProperty());
        downChecks.textProperty().bind(model.downChecksProperty());
        pingsLastHour.textProperty().bind(model.pingsLastHourProperty());
        pending.textProperty().bind(model.pendingProperty());
        failed.textProperty().bind(model.failedProperty());
        lastAlert.textProperty().bind(model.lastAlertProperty());
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());
        startButton.setOnAction(e -> model.start());
        stopButton.setOnAction(e -> model.stop());
        restartButton.setOnAction(e -> model.restart());
        for (Button b : new Button[] {startButton, stopButton, restartButton}) {
            if (model.serviceManaged()) {
                b.disableProperty().bind(model.busyProperty());
            } else {
                b.setDisable(true);
                controlHint.setText(
                        "systemd does not run here: start the daemon with mychecks serve");
            }
        }
        model.refresh();
        WhileShown.play(root, refresher, model::refresh);
        return root;
    }

    private static void good(Label label, BooleanProperty ok) {
        Runnable style =
                () -> {
                    label.getStyleClass().removeAll("state-good", "state-bad");
                    label.getStyleClass().add(ok.get() ? "state-good" : "state-bad");
                };
        ok.addListener((o, a, b) -> style.run());
        style.run();
    }
}
