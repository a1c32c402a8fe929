package io.mychecks.desktop.users;

import io.mychecks.core.admin.UserRow;
import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import io.mychecks.desktop.common.Text;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Binds the users table and its actions; asks for an address and password in small dialogs. */
public final class UsersView {
    private final UsersViewModel model;
    private final ZoneId zone;

    @FXML private TableView<UserRow> table;
    @FXML private Button createButton;
    @FXML private Button resetButton;
    @FXML private Button promoteButton;
    @FXML private Button demoteButton;
    @FXML private Button disableButton;
    @FXML private Button enableButton;
    @FXML private Label message;

    public UsersView(UsersViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        table.getColumns().add(column("Email", UserRow::email, 260));
        table.getColumns().add(column("Role", u -> u.superuser() ? "superuser" : "user", 100));
        table.getColumns().add(column("State", u -> u.active() ? "active" : "disabled", 90));
        table.getColumns().add(column("Last login", u -> Text.when(u.lastLogin(), zone), 150));
        table.getColumns().add(column("Projects", u -> String.valueOf(u.projects()), 80));
        table.setItems(model.users());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No users yet: create a superuser."));
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty()
                .addListener(
                        (o, a, b) -> {
                            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                                table.getSelectionModel().select(b);
                            }
                        });
        var none = model.selectedProperty().isNull();
        for (Button b :
                new Button[] {
                    resetButton, promoteButton, demoteButton, disableButton, enableButton
                }) {
            b.disableProperty().bind(none);
        }
        createButton.setOnAction(
                e -> askNewSuperuser().ifPresent(p -> model.createSuperuser(p[0], p[1])));
        resetButton.setOnAction(e -> askPassword().ifPresent(model::resetPassword));
        promoteButton.setOnAction(e -> model.promote());
        demoteButton.setOnAction(e -> model.demote());
        disableButton.setOnAction(e -> model.disable());
        enableButton.setOnAction(e -> model.enable());
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());
        model.refresh();
        return root;
    }

    private static TableColumn<UserRow, String> column(
            String title, Function<UserRow, String> value, double width) {
        TableColumn<UserRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Optional<String[]> askNewSuperuser() {
        Dialog<String[]> d = new Dialog<>();
        d.setTitle("Create a superuser");
        d.setHeaderText("A superuser may log in to the web UI and see every project.");
        d.initOwner(table.getScene().getWindow());
        TextField email = new TextField();
        email.setId("new-email");
        email.setPromptText("admin@example.org");
        PasswordField password = new PasswordField();
        password.setId("new-password");
        password.setPromptText("at least 8 characters");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Email"), email);
        g.addRow(1, new Label("Password"), password);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        d.setResultConverter(
                b ->
                        b == ButtonType.OK
                                ? new String[] {email.getText(), password.getText()}
                                : null);
        return d.showAndWait();
    }

    private Optional<String> askPassword() {
        Dialog<String> d = new Dialog<>();
        d.setTitle("Reset the password");
        d.setHeaderText("New password for " + model.selectedProperty().get().email());
        d.initOwner(table.getScene().getWindow());
        PasswordField password = new PasswordField();
        password.setId("reset-password");
        password.setPromptText("at least 8 characters");
        d.getDialogPane().setContent(password);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        d.setResultConverter(b -> b == ButtonType.OK ? password.getText() : null);
        return d.showAndWait();
    }
}
