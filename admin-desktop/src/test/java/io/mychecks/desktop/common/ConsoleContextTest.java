package io.mychecks.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleContextTest {
    @TempDir Path dir;

    @Test
    void aBadSettingRefusesWithOneLineNamingTheKeyAndFile() throws Exception {
        Path conf = dir.resolve("mychecks.conf");
        Files.writeString(conf, "HTTP_LISTEN=nonsense\n");
        assertThatThrownBy(
                        () ->
                                ConsoleContext.open(
                                        Map.of(
                                                "MYCHECKS_CONFIG",
                                                conf.toString(),
                                                "DATA_DIR",
                                                dir.toString()),
                                        dir.resolve("no-etc").resolve("mychecks.conf")))
                .isInstanceOf(ConsoleContext.Refused.class)
                .hasMessageStartingWith("invalid setting HTTP_LISTEN")
                .hasMessageEndingWith("(in " + conf + ")");
    }

    @Test
    void aDatabaseThatCannotBeOpenedRefusesWithoutAStackTrace() throws Exception {
        Path notADb = dir.resolve("db");
        Files.createDirectory(notADb);
        Files.writeString(notADb.resolve("x"), "x");
        Map<String, String> env =
                Map.of("DATA_DIR", dir.toString(), "DB_NAME", notADb.toString(), "SECRET_KEY", "k");
        assertThatThrownBy(
                        () ->
                                ConsoleContext.open(
                                        env, dir.resolve("no-etc").resolve("mychecks.conf")))
                .isInstanceOf(ConsoleContext.Refused.class)
                .hasMessageStartingWith("cannot open the database (SQLite " + notADb + ")")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n\tat "));
    }

    @Test
    void anInstalledApplianceWhoseSettingsCannotBeReadIsRefused() throws Exception {
        // /etc/mychecks exists but its file cannot be seen (not in the group)
        Path etc = Files.createDirectory(dir.resolve("etc-mychecks"));
        assertThatThrownBy(
                        () ->
                                ConsoleContext.open(
                                        Map.of("DATA_DIR", dir.toString()),
                                        etc.resolve("mychecks.conf")))
                .isInstanceOf(ConsoleContext.Refused.class)
                .hasMessage(
                        "cannot read " + etc.resolve("mychecks.conf") + ": " + Problems.JOIN_GROUP);
    }

    @Test
    void withoutASettingsFileSettingsGoToTheDataDirectory() {
        try (ConsoleContext ctx =
                ConsoleContext.open(
                        Map.of("DATA_DIR", dir.resolve("d").toString(), "SECRET_KEY", "k"),
                        dir.resolve("no-etc").resolve("mychecks.conf"))) {
            assertThat(ctx.configFile()).isEqualTo(dir.resolve("d").resolve("mychecks.conf"));
            assertThat(ctx.configFile()).doesNotExist();
            assertThat(ctx.configWritable()).isTrue();
        }
    }

    @Test
    void permissionProblemsTellTheAdminToJoinTheGroup() {
        assertThat(
                        Problems.describe(
                                new java.nio.file.AccessDeniedException(
                                        "/etc/mychecks/mychecks.conf")))
                .isEqualTo(
                        "permission denied: /etc/mychecks/mychecks.conf (add yourself to the mychecks group:"
                                + " sudo adduser $USER mychecks, then log in again)");
    }
}
