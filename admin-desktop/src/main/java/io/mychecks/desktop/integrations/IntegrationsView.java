package io.mychecks.desktop.integrations;

import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import io.mychecks.desktop.settings.SettingRow;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** Binds the integrations view: a card per kind with its switch and its settings. */
public final class IntegrationsView {
    private final IntegrationsViewModel model;

    @FXML private VBox cardsBox;
    @FXML private ToggleSwitch privateIps;
    @FXML private Label message;
    @FXML private Button saveButton;
    @FXML private HBox restartBar;
    @FXML private Button restartButton;

    public IntegrationsView(IntegrationsViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        privateIps.selectedProperty().bindBidirectional(model.privateIps().switchProperty());
        for (KindCard card : model.cards()) {
            cardsBox.getChildren().add(card(card));
        }
        MessageBar.bind(message, model.saver().messageProperty(), model.saver().errorProperty());
        saveButton.setOnAction(e -> model.save());
        saveButton.disableProperty().bind(model.saver().busyProperty());
        restartBar.visibleProperty().bind(model.saver().restartNeededProperty());
        restartBar.managedProperty().bind(model.saver().restartNeededProperty());
        restartButton.setOnAction(e -> model.restart());
        return root;
    }

    private VBox card(KindCard card) {
        Label title = new Label(card.label());
        title.getStyleClass().add("card-title");
        HBox head = new HBox(12, title);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (card.switchable()) {
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.setId("enable-" + card.kind());
            toggle.selectedProperty().bindBidirectional(card.enabledProperty());
            Label state = new Label();
            state.textProperty()
                    .bind(
                            javafx.beans.binding.Bindings.when(card.enabledProperty())
                                    .then("enabled")
                                    .otherwise("disabled"));
            head.getChildren().addAll(toggle, state);
        } else {
            head.getChildren().add(new Label("always on"));
        }
        VBox box = new VBox(8, head);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10));
        if (!card.credentials().isEmpty()) {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(6);
            int i = 0;
            for (SettingRow row : card.credentials()) {
                TextInputControl input = row.key().secret() ? new PasswordField() : new TextField();
                input.setId("setting-" + row.name());
                input.textProperty().bindBidirectional(row.valueProperty());
                input.setPromptText(row.key().secret() ? "not set" : row.key().defaultValue());
                GridPane.setHgrow(input, Priority.ALWAYS);
                Label name = new Label(row.name());
                name.setMinWidth(220);
                grid.add(name, 0, i);
                grid.add(input, 1, i);
                i++;
            }
            box.getChildren().add(grid);
        }
        return box;
    }
}
