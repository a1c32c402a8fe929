package io.mychecks.desktop.backup;

import io.mychecks.desktop.common.Fxml;
import io.mychecks.desktop.common.MessageBar;
import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds the backup view; asks before a restore. */
public final class BackupView {
    private final BackupViewModel model;

    @FXML private VBox sqliteBox;
    @FXML private VBox postgresBox;
    @FXML private TextField backupPath;
    @FXML private Button chooseBackup;
    @FXML private Button backupButton;
    @FXML private TextField restorePath;
    @FXML private Button chooseRestore;
    @FXML private Button restoreButton;
    @FXML private TextField pgDump;
    @FXML private Button copyPgDump;
    @FXML private Label message;

    public BackupView(BackupViewModel model) {
        this.model = model;
    }

    public Parent root() {
        Parent root = Fxml.load(this);
        sqliteBox.setVisible(!model.postgres());
        sqliteBox.setManaged(!model.postgres());
        postgresBox.setVisible(model.postgres());
        postgresBox.setManaged(model.postgres());
        pgDump.setText(model.pgDumpCommand());
        copyPgDump.setOnAction(
                e -> {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(model.pgDumpCommand());
                    Clipboard.getSystemClipboard().setContent(c);
                });
        backupPath.textProperty().bindBidirectional(model.backupPathProperty());
        restorePath.textProperty().bindBidirectional(model.restorePathProperty());
        chooseBackup.setOnAction(e -> chooseBackup());
        chooseRestore.setOnAction(e -> chooseRestore());
        backupButton.setOnAction(e -> model.backup());
        backupButton.disableProperty().bind(model.busyProperty());
        restoreButton.setOnAction(e -> confirmRestore());
        restoreButton.disableProperty().bind(model.busyProperty());
        MessageBar.bind(message, model.messageProperty(), model.errorProperty());
        return root;
    }

    private void chooseBackup() {
        FileChooser chooser = zipChooser("Write the backup to");
        File f = new File(model.backupPathProperty().get());
        if (f.getParentFile() != null && f.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(f.getParentFile());
        }
        chooser.setInitialFileName(f.getName());
        File chosen = chooser.showSaveDialog(backupPath.getScene().getWindow());
        if (chosen != null) {
            model.backupPathProperty().set(chosen.getPath());
        }
    }

    private void chooseRestore() {
        File chosen = zipChooser("Restore from").showOpenDialog(restorePath.getScene().getWindow());
        if (chosen != null) {
            model.restorePathProperty().set(chosen.getPath());
        }
    }

    private static FileChooser zipChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Mychecks backups", "*.zip"));
        return chooser;
    }

    private void confirmRestore() {
        Alert ask =
                new Alert(
                        Alert.AlertType.CONFIRMATION,
                        "Restoring replaces the database with the backup's. The service is stopped"
                                + " meanwhile and pings sent then are lost. The current database is"
                                + " kept beside it as mychecks.sqlite.before-restore.",
                        ButtonType.CANCEL,
                        ButtonType.OK);
        ask.setHeaderText("Restore " + new File(model.restorePathProperty().get()).getName() + "?");
        ask.initOwner(restoreButton.getScene().getWindow());
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.restore());
    }
}
