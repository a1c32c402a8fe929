package io.mychecks.desktop.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import io.mychecks.desktop.common.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogsViewModelTest extends OnTestAppliance {
    Path log;
    LogsViewModel model;

    @BeforeEach
    void open() throws Exception {
        log = dir.resolve("mychecks.log");
        Files.writeString(
                log,
                "2026-01-01 10:00:00.000 INFO  [main] Serve: listening\n"
                        + "2026-01-01 10:00:01.000 WARN  [alert-loop] AlertLoop: round failed\n"
                        + "2026-01-01 10:00:02.000 ERROR [web] ErrorHandler: boom\n");
        model =
                new LogsViewModel(
                        new FileLogSource(log),
                        () -> appliance.ctx.app().statusService(),
                        appliance.ctx::settings,
                        Background.direct());
        model.load();
    }

    @Test
    void theLastLinesAreShownAndNewOnesFollow() throws Exception {
        assertThat(model.shown()).hasSize(3);
        assertThat(model.messageProperty().get()).isEqualTo("Following " + log + ".");
        Files.writeString(
                log,
                "2026-01-01 10:00:03.000 INFO  [main] Serve: more\n",
                StandardOpenOption.APPEND);
        model.poll();
        assertThat(model.shown()).hasSize(4).last().asString().endsWith("Serve: more");
        // rolled over: read again from the start of the new file
        Files.writeString(log, "2026-01-01 11:00:00.000 INFO  [main] x\n");
        model.poll();
        assertThat(model.lines()).last().asString().endsWith("] x");
    }

    @Test
    void linesAreFilteredByLevelAndText() {
        model.levelProperty().set(LogLevel.WARN);
        assertThat(model.shown()).hasSize(2);
        model.levelProperty().set(LogLevel.ERROR);
        assertThat(model.shown()).singleElement().asString().contains("boom");
        model.levelProperty().set(LogLevel.ALL);
        model.searchProperty().set("alertloop");
        assertThat(model.shown()).singleElement().asString().contains("round failed");
    }

    @Test
    void theSupportBundleHoldsTheLogAndMaskedSettings() throws Exception {
        Path zip = dir.resolve("support.zip");
        model.saveBundle(zip);
        assertThat(model.messageProperty().get()).startsWith("Support bundle saved to");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String settings =
                    new String(z.getInputStream(z.getEntry("settings.txt")).readAllBytes());
            assertThat(settings).contains("SECRET_KEY=****").doesNotContain("test-secret");
            assertThat(new String(z.getInputStream(z.getEntry("log.txt")).readAllBytes()))
                    .contains("ErrorHandler: boom");
        }
    }

    @Test
    void theJournalIsReadFromItsCursorOn() throws Exception {
        List<List<String>> asked = new java.util.ArrayList<>();
        JournalLogSource journal =
                new JournalLogSource(
                        command -> {
                            asked.add(command);
                            return new CommandRunner.Result(
                                    0,
                                    asked.size() == 1
                                            ? "2026-01-01T10:00:00+0000 host mychecks[1]: started\n-- cursor: s=abc;i=1"
                                            : "2026-01-01T10:00:05+0000 host mychecks[1]: later\n-- cursor: s=abc;i=2");
                        });
        assertThat(journal.last(10))
                .containsExactly("2026-01-01T10:00:00+0000 host mychecks[1]: started");
        assertThat(journal.poll())
                .containsExactly("2026-01-01T10:00:05+0000 host mychecks[1]: later");
        assertThat(asked.get(1)).contains("--after-cursor=s=abc;i=1", "-u", "mychecks.service");
    }
}
