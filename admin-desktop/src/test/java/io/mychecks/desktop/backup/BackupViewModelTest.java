package io.mychecks.desktop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.admin.Backups;
import io.mychecks.core.admin.UserRow;
import io.mychecks.desktop.OnTestAppliance;
import io.mychecks.desktop.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupViewModelTest extends OnTestAppliance {

    BackupViewModel model(String state, boolean systemd) {
        Backups backups =
                new Backups(
                        appliance.ctx.settings(),
                        Optional.of(appliance.config),
                        Clock.systemUTC(),
                        "test");
        return new BackupViewModel(
                backups,
                () -> appliance.ctx.app().database(),
                appliance.ctx::whileClosed,
                appliance.service(state, systemd),
                Background.direct(),
                false,
                "",
                dir);
    }

    List<String> emails() {
        return appliance.ctx.app().userAdmin().list().stream().map(UserRow::email).toList();
    }

    @Test
    void aRestoreStopsTheServiceSwapsTheDataAndStartsItAgain() throws Exception {
        BackupViewModel model = model("active", true);
        appliance.ctx.app().userAdmin().createSuperuser("alice@example.org", "password123");
        Path archive = dir.resolve("b.zip");
        model.backupPathProperty().set(archive.toString());
        model.backup();
        assertThat(model.messageProperty().get()).isEqualTo("Backup written to " + archive + ".");
        appliance.ctx.app().userAdmin().createSuperuser("bob@example.org", "password123");

        model.restorePathProperty().set(archive.toString());
        model.restore();

        assertThat(model.errorProperty().get()).as(model.messageProperty().get()).isFalse();
        assertThat(model.messageProperty().get())
                .startsWith("Restored b.zip")
                .endsWith("The service was started again.");
        assertThat(emails()).containsExactly("alice@example.org");
        List<String> verbs =
                appliance.commands.stream().filter(c -> c.size() == 4).map(c -> c.get(2)).toList();
        assertThat(verbs).containsExactly("stop", "start");
    }

    @Test
    void aBadArchiveChangesNothingAndTheServiceIsNotStopped() throws Exception {
        BackupViewModel model = model("inactive", true);
        appliance.ctx.app().userAdmin().createSuperuser("alice@example.org", "password123");
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "junk");
        model.restorePathProperty().set(junk.toString());
        model.restore();
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(model.messageProperty().get())
                .isEqualTo("Not restored: not a readable zip archive: junk.zip");
        assertThat(emails()).containsExactly("alice@example.org");
    }

    @Test
    void emptyPathsAreAskedFor() {
        BackupViewModel model = model("inactive", true);
        model.backupPathProperty().set(" ");
        model.backup();
        assertThat(model.messageProperty().get())
                .isEqualTo("Enter the file to write the backup to.");
        model.restore();
        assertThat(model.messageProperty().get())
                .isEqualTo("Choose the backup archive to restore.");
    }
}
