package io.mychecks.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.core.heartbeat.Heartbeats;
import io.mychecks.core.testing.Seed;
import io.mychecks.desktop.common.FxBackground;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view of the console, light and dark, at a laptop's and a small window's size, saved under
 * target/screenshots to be looked at. Fails when a view's content is wider than its window.
 */
@Tag("desktop")
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleScreenshotsTest {
    static final Path OUT = Path.of("target/screenshots");
    static final List<String> SECTIONS =
            List.of(
                    "Status",
                    "Settings",
                    "Integrations",
                    "Database",
                    "Backup",
                    "Users",
                    "Logs",
                    "About");

    @TempDir static Path dir;
    TestAppliance appliance;
    FxBackground background;

    @BeforeAll
    void seed() throws Exception {
        appliance = new TestAppliance(dir);
        background = new FxBackground();
        var admin = appliance.ctx.app().userAdmin();
        admin.createSuperuser("alice@example.org", "password123");
        admin.createSuperuser("ops@example.org", "password123");
        Seed seed = new Seed(appliance.ctx.app().database());
        User owner = seed.user(Instant.parse("2026-01-01T00:00:00Z"));
        Check check = seed.check(seed.project(owner, Instant.now()), Instant.now());
        seed.pings(check, 1, 150, Instant.now().minusSeconds(600));
        new Heartbeats(appliance.ctx.app().database(), Clock.systemUTC())
                .maybeBeat(Heartbeats.ALERT_LOOP, Instant.now().minusSeconds(3600), null);
        appliance.answers.put(
                "journalctl",
                new io.mychecks.desktop.common.CommandRunner.Result(
                        0,
                        "2026-12-02T09:00:00+0000 vm mychecks[812]: 09:00:00.120 INFO  [main] ServeCommand: Mychecks 0.1.0 running: web http://0.0.0.0:8000, SMTP 0.0.0.0:2525\n"
                                + "2026-12-02T09:00:05+0000 vm mychecks[812]: 09:00:05.310 INFO  [alert-loop] AlertLoop: check 12 (backup) is down\n"
                                + "2026-12-02T09:00:06+0000 vm mychecks[812]: 09:00:06.002 WARN  [delivery-3] DeliverySender: webhook channel 4 failed: HTTP 502, retrying in 60 s\n"
                                + "2026-12-02T09:01:06+0000 vm mychecks[812]: 09:01:06.410 ERROR [delivery-1] DeliverySender: email channel 2 failed: connection refused\n"
                                + "-- cursor: s=1;i=4"));
        Files.createDirectories(OUT);
    }

    @AfterAll
    void close() {
        background.shutdown();
        appliance.close();
    }

    @Test
    void everyViewLightAndDarkAtTwoSizes(FxRobot robot) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            for (int[] size : new int[][] {{1200, 800}, {820, 620}}) {
                MainView main =
                        new MainView(
                                new ConsoleViews(
                                                appliance.ctx,
                                                background,
                                                appliance.runner("active"),
                                                true)
                                        .sections());
                Stage stage = onFx(() -> window(main, size[0], size[1], dark));
                for (String section : SECTIONS) {
                    robot.interact(() -> main.select(section));
                    Thread.sleep(400); // background counts and log lines arrive
                    WaitForAsyncUtils.waitForFxEvents();
                    String name =
                            "console-"
                                    + section.toLowerCase()
                                    + "-"
                                    + (dark ? "dark" : "light")
                                    + "-"
                                    + size[0]
                                    + ".png";
                    WritableImage image = onFx(() -> stage.getScene().snapshot(null));
                    BufferedImage png = SwingFXUtils.fromFXImage(image, null);
                    ImageIO.write(png, "png", OUT.resolve(name).toFile());
                    List<String> outside =
                            onFx(
                                    () ->
                                            beyondRightEdge(
                                                    stage.getScene().getRoot(),
                                                    stage.getScene().getWidth()));
                    assertThat(outside).as(name + ": nodes past the window's right edge").isEmpty();
                }
                robot.interact(stage::hide);
            }
        }
        Stage refusal =
                onFx(
                        () -> {
                            Stage s = new Stage();
                            Scene scene =
                                    new Scene(
                                            AdminConsole.refusal(
                                                    "cannot read /etc/mychecks/mychecks.conf: "
                                                            + io.mychecks.desktop.common.Problems
                                                                    .JOIN_GROUP),
                                            820,
                                            400);
                            Theme.apply(scene);
                            s.setScene(scene);
                            s.show();
                            return s;
                        });
        WaitForAsyncUtils.waitForFxEvents();
        ImageIO.write(
                SwingFXUtils.fromFXImage(onFx(() -> refusal.getScene().snapshot(null)), null),
                "png",
                OUT.resolve("console-refusal-light-820.png").toFile());
        robot.interact(refusal::hide);
        assertThat(Files.list(OUT).filter(p -> p.getFileName().toString().startsWith("console-")))
                .hasSize(SECTIONS.size() * 4 + 1);
    }

    /**
     * Visible nodes whose right edge is past {@code width}: content cut off by the window. Lists,
     * tables, text fields and scroll panes clip or scroll their own content, so their insides are
     * not looked at.
     */
    static List<String> beyondRightEdge(javafx.scene.Parent root, double width) {
        List<String> found = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            double right = n.localToScene(n.getLayoutBounds()).getMaxX();
            if (right > width + 1) {
                found.add(
                        n.getClass().getSimpleName()
                                + (n.getId() == null ? "" : "#" + n.getId())
                                + " ends at "
                                + (int) right);
            }
            if (n instanceof javafx.scene.control.ScrollPane sp
                    && sp.getContent() != null
                    && sp.getContent().getLayoutBounds().getWidth()
                            > sp.getViewportBounds().getWidth() + 1) {
                found.add(
                        "ScrollPane content is "
                                + (int) sp.getContent().getLayoutBounds().getWidth()
                                + " wide in a viewport of "
                                + (int) sp.getViewportBounds().getWidth());
            }
            boolean clips =
                    n instanceof javafx.scene.control.ListView
                            || n instanceof javafx.scene.control.TableView
                            || n instanceof javafx.scene.control.TextInputControl
                            || n instanceof javafx.scene.control.ScrollPane
                            || n instanceof javafx.scene.control.Labeled;
            if (!clips && n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return found;
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Stage window(MainView main, int width, int height, boolean dark) {
        Stage s = new Stage();
        Scene scene = new Scene(main.root(), width, height);
        Theme.apply(scene);
        if (dark) {
            scene.getStylesheets()
                    .add(Theme.class.getResource("console-dark.css").toExternalForm());
        }
        s.setScene(scene);
        s.show();
        return s;
    }
}
