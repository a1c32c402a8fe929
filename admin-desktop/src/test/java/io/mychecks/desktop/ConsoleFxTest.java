package io.mychecks.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.User;
import io.mychecks.core.admin.UserRow;
import io.mychecks.core.checks.Check;
import io.mychecks.core.testing.Seed;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's main interactions, driven as an admin would: clicks and typing. */
@Tag("desktop")
@ExtendWith(ApplicationExtension.class)
class ConsoleFxTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir static Path dir;
    static final AtomicInteger RUN = new AtomicInteger();

    TestAppliance appliance;
    GatedBackground background;
    MainView main;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = dir.resolve("run-" + RUN.incrementAndGet());
        Files.createDirectories(home);
        appliance = new TestAppliance(home);
        background = new GatedBackground();
        ConsoleViews views =
                new ConsoleViews(appliance.ctx, background, appliance.runner("active"), true);
        main = new MainView(views.sections());
        Scene scene = new Scene(main.root(), 1100, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        background.release.countDown();
        appliance.close();
    }

    void show(FxRobot robot, String section) {
        robot.interact(() -> main.select(section));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aBadSettingIsRefusedThenAGoodOneIsSavedKeepingComments(FxRobot robot) throws Exception {
        show(robot, "Settings");
        String before = Files.readString(appliance.config);
        robot.clickOn("#setting-SITE_ROOT").write("not a url");
        robot.clickOn("#save-settings");
        waitFor(() -> text(robot, "#settings-message").startsWith("Nothing saved"));
        assertThat(text(robot, "#settings-message"))
                .contains("SITE_ROOT must be an http:// or https:// URL");
        assertThat(Files.readString(appliance.config)).isEqualTo(before);
        assertThat(robot.lookup("#restart-bar").query().isVisible()).isFalse();

        robot.doubleClickOn("#setting-SITE_ROOT");
        robot.interact(() -> robot.lookup("#setting-SITE_ROOT").queryTextInputControl().clear());
        robot.clickOn("#setting-SITE_ROOT").write("https://checks.example.org");
        robot.clickOn("#save-settings");
        waitFor(() -> text(robot, "#settings-message").startsWith("Saved"));
        String after = Files.readString(appliance.config);
        assertThat(after).contains("\nSITE_ROOT=https://checks.example.org\n");
        before.lines().filter(l -> l.startsWith("#")).forEach(l -> assertThat(after).contains(l));
        assertThat(robot.lookup("#restart-bar").query().isVisible()).isTrue();

        robot.clickOn("#restart-now");
        waitFor(() -> text(robot, "#settings-message").startsWith("Mychecks restarted"));
        assertThat(appliance.commands)
                .contains(List.of("systemctl", "--no-ask-password", "restart", "mychecks.service"));
    }

    @Test
    void aPruneShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        Seed seed = new Seed(appliance.ctx.app().database());
        User owner = seed.user(T0);
        seed.pingLogLimit(owner, 0);
        Check check = seed.check(seed.project(owner, T0), T0);
        seed.pings(check, 1, 2500, T0);
        show(robot, "Database");
        waitFor(() -> text(robot, "#preview-prunepings").equals("2,500 pings"));

        background.gateSecondProgress = true;
        robot.clickOn("#run-prunepings");
        assertThat(background.gated.await(15, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#progress-prunepings").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(0.4);
        robot.clickOn("#cancel-prune");
        background.release.countDown();
        waitFor(() -> text(robot, "#result-prunepings").startsWith("Cancelled"));
        assertThat(text(robot, "#result-prunepings"))
                .isEqualTo("Cancelled after deleting 1,000 pings");
        waitFor(() -> text(robot, "#preview-prunepings").equals("1,500 pings"));

        background.gateSecondProgress = false;
        robot.clickOn("#run-prunepings");
        waitFor(() -> text(robot, "#result-prunepings").startsWith("Deleted"));
        assertThat(text(robot, "#result-prunepings")).isEqualTo("Deleted 1,500 pings");
        assertThat(robot.lookup("#progress-prunepings").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(1.0);
    }

    @Test
    void aBackupIsTakenAndRestored(FxRobot robot) throws Exception {
        appliance.ctx.app().userAdmin().createSuperuser("alice@example.org", "password123");
        Path archive = appliance.dir.resolve("backup.zip");
        show(robot, "Backup");
        robot.interact(() -> robot.lookup("#backup-path").queryTextInputControl().clear());
        robot.clickOn("#backup-path").write(archive.toString());
        robot.clickOn("#backup-now");
        waitFor(() -> text(robot, "#backup-message").startsWith("Backup written"));
        assertThat(archive).exists();

        appliance.ctx.app().userAdmin().createSuperuser("bob@example.org", "password123");
        robot.clickOn("#restore-path").write(archive.toString());
        robot.clickOn("#restore-now");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("OK");
        waitFor(() -> text(robot, "#backup-message").startsWith("Restored"));
        assertThat(appliance.ctx.app().userAdmin().list())
                .extracting(UserRow::email)
                .containsExactly("alice@example.org");
        assertThat(appliance.commands.stream().filter(c -> c.size() == 4).map(c -> c.get(2)))
                .containsExactly("stop", "start");
    }

    @Test
    void aSuperuserIsCreatedAndAUserDemoted(FxRobot robot) throws Exception {
        appliance.ctx.app().userAdmin().createSuperuser("alice@example.org", "password123");
        show(robot, "Users");
        robot.clickOn("#create-superuser");
        waitFor(() -> robot.lookup("#new-email").tryQuery().isPresent());
        robot.clickOn("#new-email").write("bob@example.org");
        robot.clickOn("#new-password").write("password123");
        robot.clickOn("OK");
        waitFor(() -> text(robot, "#users-message").equals("Superuser bob@example.org is ready."));
        TableView<UserRow> table = robot.lookup("#users-table").queryTableView();
        waitFor(() -> table.getItems().size() == 2);

        waitFor(() -> robot.lookup("bob@example.org").tryQuery().isPresent());
        robot.clickOn("bob@example.org");
        robot.clickOn("#demote");
        waitFor(
                () ->
                        text(robot, "#users-message")
                                .equals("bob@example.org is no longer a superuser."));
        waitFor(
                () ->
                        table.getItems().stream()
                                .anyMatch(
                                        u ->
                                                u.email().equals("bob@example.org")
                                                        && !u.superuser()));
        assertThat(robot.lookup("user").tryQuery()).isPresent();
    }

    /** FxBackground that can hold a prune after its second progress report, until released. */
    static final class GatedBackground implements Background {
        final FxBackground fx = new FxBackground();
        final CountDownLatch gated = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger reports = new AtomicInteger();
        volatile boolean gateSecondProgress;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> failed) {
            fx.run(work, done, failed);
        }

        @Override
        public void ui(Runnable update) {
            fx.ui(update);
            if (gateSecondProgress
                    && !Platform.isFxApplicationThread()
                    && reports.incrementAndGet() == 2) {
                gated.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
