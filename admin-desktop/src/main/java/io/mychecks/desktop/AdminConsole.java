package io.mychecks.desktop;

import io.mychecks.desktop.common.CommandRunner;
import io.mychecks.desktop.common.ConsoleContext;
import io.mychecks.desktop.common.FxBackground;
import io.mychecks.desktop.common.Problems;
import io.mychecks.desktop.common.ServiceControl;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The admin console: opens the appliance the daemon on this host uses (the same settings file and
 * database) and shows its sections. When it may not, it says why and what to do, and nothing else.
 */
public final class AdminConsole extends Application {
    static final Path SYSTEM_CONFIG = Path.of("/etc/mychecks/mychecks.conf");
    private ConsoleContext ctx;
    private FxBackground background;

    @Override
    public void start(Stage stage) {
        stage.setTitle("Mychecks admin console");
        var icon = AdminConsole.class.getResourceAsStream("icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        Parent root;
        try {
            ctx = ConsoleContext.open(System.getenv(), SYSTEM_CONFIG);
            background = new FxBackground();
            ConsoleViews views =
                    new ConsoleViews(
                            ctx, background, CommandRunner.system(), ServiceControl.systemdRuns());
            root = new MainView(views.sections()).root();
        } catch (ConsoleContext.Refused e) {
            root = refusal(e.getMessage());
        } catch (RuntimeException e) {
            root = refusal(Problems.describe(e));
        }
        Scene scene = new Scene(root, 1100, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The whole window when the console cannot work: the reason, and a way out. */
    static Parent refusal(String why) {
        Label title = new Label("The console cannot open this appliance");
        title.getStyleClass().add("view-title");
        Label reason = new Label(why);
        reason.setId("refusal");
        reason.setWrapText(true);
        reason.getStyleClass().add("message-error");
        Button quit = new Button("Quit");
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(14, title, reason, quit);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("view");
        return box;
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
        }
        if (ctx != null) {
            ctx.close();
        }
    }
}
