package io.mychecks.http.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.http.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes and messages of the command line: 0 ok, 1 failure, 2 bad usage or setting. */
class MychecksCliTest {
    @TempDir Path tmp;

    @Test
    void migrateCreatesTheSchemaThenFindsItUpToDate() {
        CliRun cli = new CliRun(tmp);
        Result first = cli.run("migrate");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("Applied ");
        assertThat(tmp.resolve("data/mychecks.sqlite")).exists();
        Result second = cli.run("migrate");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out().strip()).isEqualTo("Database is up to date.");
    }

    @ParameterizedTest
    @CsvSource({
        "DB, mysql",
        "DEBUG, yes",
        "HTTP_LISTEN, nope",
        "EMAIL_PORT, many",
        "DB_PASSWORD_FILE, /nonexistent/db-password",
        "DB_HOST, db/hc?socketFactory=x",
        "DB_PORT, 5432?ssl=false",
        "DB_SSLMODE, disable&socketFactory=x",
        "TRUSTED_PROXIES, everyone",
        "SECURE_PROXY_SSL_HEADER, https"
    })
    void badSettingExitsTwoWithOneLineNamingTheKey(String key, String value) {
        Result r = new CliRun(tmp).with(key, value).run("migrate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("mychecks: invalid setting " + key + ": ");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("data/mychecks.sqlite")).doesNotExist();
    }

    @Test
    void badSettingInTheSettingsFileNamesTheKeyToo() throws Exception {
        Path conf =
                java.nio.file.Files.writeString(tmp.resolve("bad.conf"), "REGISTRATION_OPEN=no\n");
        Result r = new CliRun(tmp).with("MYCHECKS_CONFIG", conf.toString()).run("prunepings");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("mychecks: invalid setting REGISTRATION_OPEN: ");
    }

    @Test
    void unreachableDatabaseExitsOneWithOneLine() {
        Result r =
                new CliRun(tmp)
                        .with("DB", "postgres")
                        .with("DB_HOST", "127.0.0.1")
                        .with("DB_PORT", "1")
                        .run("migrate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("mychecks: ").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionExitsTwoAndPointsAtHelp() {
        Result r = new CliRun(tmp).run("prunepings", "--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--bogus").contains("mychecks prunepings --help");
    }

    @Test
    void helpListsThePruneCommands() {
        Result r = new CliRun(tmp).run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "prunepings",
                        "prunenotifications",
                        "pruneusers",
                        "prunetokenbucket",
                        "pruneflips");
    }

    @ParameterizedTest
    @CsvSource({
        "prunepings, most recent pings",
        "prunenotifications, oldest stored ping",
        "pruneusers, 6 months",
        "prunetokenbucket, one day",
        "pruneflips, 3 months"
    })
    void eachPruneCommandHasHelp(String command, String text) {
        Result r = new CliRun(tmp).run(command, "--help");
        assertThat(r.exitCode()).isZero();
        // picocli wraps long descriptions: compare with the white space folded
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("Usage: mychecks " + command)
                .contains(text);
    }

    @Test
    void serveNamesTheDatabaseItReallyUses() {
        Path file = tmp.resolve("elsewhere/checks.sqlite");
        var sqlite =
                io.mychecks.core.settings.Settings.of(
                        java.util.Map.of(
                                "DATA_DIR", tmp.resolve("data").toString(),
                                "DB_NAME", file.toString()));
        assertThat(ServeCommand.runningLine(sqlite))
                .isEqualTo("Mychecks is running (SQLite " + file.toAbsolutePath() + ")");
        var postgres =
                io.mychecks.core.settings.Settings.of(
                        java.util.Map.of(
                                "DB", "postgres",
                                "DB_HOST", "db.lan",
                                "DB_NAME", "checks",
                                "DB_PASSWORD", "hunter2"));
        assertThat(ServeCommand.runningLine(postgres))
                .isEqualTo("Mychecks is running (PostgreSQL db.lan:5432/checks)");
    }
}
