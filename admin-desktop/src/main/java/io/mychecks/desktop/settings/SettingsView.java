package io.mychecks.desktop.settings;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import java.util.List;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/** Binds the settings form to its ViewModel: one titled pane per group, one row per setting. */
public final class SettingsView {
    private final SettingsViewModel model;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private VBox groupsBox;
    @FXML private Label message;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private HBox restartBar;
    @FXML private Button restartButton;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        validation.setValidationDecorator(new GraphicValidationDecoration());
        boolean first = true;
        for (var group : model.groups().entrySet()) {
            TitledPane pane =
                    new TitledPane(group.getKey(), form(group.getValue(), group.getKey()));
            pane.setId("group-" + group.getKey().replace(' ', '-'));
            pane.setExpanded(first);
            first = false;
            groupsBox.getChildren().add(pane);
        }
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());
        saveButton.setOnAction(e -> model.save());
        saveButton.disableProperty().bind(model.busyProperty());
        revertButton.setOnAction(e -> model.revert());
        restartBar.visibleProperty().bind(model.restartNeededProperty());
        restartBar.managedProperty().bind(model.restartNeededProperty());
        restartButton.setOnAction(e -> model.restart());
        restartButton.disableProperty().bind(model.busyProperty());
        return root;
    }

    private VBox form(List<SettingRow> rows, String group) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(240);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        field.setMinWidth(220);
        grid.getColumnConstraints().addAll(name, field);
        int i = 0;
        for (SettingRow row : rows) {
            SettingKey key = row.key();
            Label label = new Label(key.name());
            label.getStyleClass().add("setting-name");
            Label help = new Label(helpText(key));
            help.getStyleClass().add("setting-help");
            help.setWrapText(true);
            TextInputControl input = key.secret() ? new PasswordField() : new TextField();
            input.setId("setting-" + key.name());
            input.textProperty().bindBidirectional(row.valueProperty());
            input.setPromptText(
                    key.secret()
                            ? "not set"
                            : key.defaultValue().isEmpty() ? "empty" : key.defaultValue());
            input.setTooltip(new Tooltip(key.name() + ": " + key.help()));
            input.setEditable(model.writable());
            validation.registerValidator(
                    input,
                    false,
                    (c, v) ->
                            ValidationResult.fromMessageIf(
                                    c,
                                    row.problemProperty().get() == null
                                            ? ""
                                            : key.name() + " " + row.problemProperty().get(),
                                    Severity.ERROR,
                                    row.problemProperty().get() != null));
            grid.add(new VBox(2, label, help), 0, i);
            grid.add(input, 1, i);
            i++;
        }
        VBox box = new VBox(8, grid);
        if (group.equals(SettingsCatalog.EMAIL)) {
            TextField to = new TextField();
            to.setId("test-email-address");
            to.setPromptText("you@example.org");
            to.textProperty().bindBidirectional(model.testAddressProperty());
            HBox.setHgrow(to, Priority.ALWAYS);
            Button send = new Button("Send a test email");
            send.setId("send-test-email");
            send.setOnAction(e -> model.sendTestEmail());
            send.disableProperty().bind(model.busyProperty());
            HBox line = new HBox(8, new Label("Test the settings above:"), to, send);
            line.setPadding(new Insets(0, 8, 8, 8));
            line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().add(line);
        }
        return box;
    }

    private static String helpText(SettingKey key) {
        if (key.secret()) {
            return key.help() + " (secret)";
        }
        if (key.help().contains("(default")) {
            return key.help(); // it says its default itself
        }
        String def = key.defaultValue().isEmpty() ? "empty" : key.defaultValue();
        return key.help() + " (default: " + def + ")";
    }
}
