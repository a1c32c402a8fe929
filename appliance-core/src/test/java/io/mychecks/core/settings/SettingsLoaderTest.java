package io.mychecks.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where settings come from: environment, then the settings file, then the defaults. */
class SettingsLoaderTest {
    @TempDir Path tmp;
    Path dataDir;
    Path noSystemConfig;
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        dataDir = tmp.resolve("data");
        noSystemConfig = tmp.resolve("etc-mychecks.conf");
        env = new HashMap<>();
        env.put("DATA_DIR", dataDir.toString());
        env.put("SECRET_KEY", "test-secret");
    }

    Settings load() {
        return SettingsLoader.load(env, noSystemConfig);
    }

    Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void unsetKeysTakeTheirDefaults() {
        Settings s = load();
        assertThat(s.get("SITE_NAME")).isEqualTo("Mychecks");
        assertThat(s.httpListen()).isEqualTo(new Listen("127.0.0.1", 8000));
        assertThat(s.bool("DEBUG")).isFalse();
        assertThat(s.integer("EMAIL_PORT")).isEqualTo(587);
    }

    @Test
    void fileValueBeatsDefaultAndEnvironmentBeatsFile() throws IOException {
        Path conf = write(tmp.resolve("my.conf"), "SITE_NAME=From File\nEMAIL_PORT=2525\n");
        env.put("MYCHECKS_CONFIG", conf.toString());
        env.put("EMAIL_PORT", "465");
        Settings s = load();
        assertThat(s.get("SITE_NAME")).isEqualTo("From File");
        assertThat(s.integer("EMAIL_PORT")).isEqualTo(465);
    }

    @Test
    void mychecksConfigNamesTheFileEvenWhenOthersExist() throws IOException {
        write(noSystemConfig, "SITE_NAME=System\n");
        write(dataDir.resolve("mychecks.conf"), "SITE_NAME=Data dir\n");
        Path conf = write(tmp.resolve("explicit.conf"), "SITE_NAME=Explicit\n");
        env.put("MYCHECKS_CONFIG", conf.toString());
        assertThat(load().get("SITE_NAME")).isEqualTo("Explicit");
        assertThat(SettingsLoader.configFile(env, noSystemConfig)).contains(conf);
    }

    @Test
    void unreadableMychecksConfigIsAnInvalidSetting() {
        env.put("MYCHECKS_CONFIG", tmp.resolve("missing.conf").toString());
        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("MYCHECKS_CONFIG"))
                .hasMessageContaining("missing.conf");
    }

    @Test
    void systemConfigIsReadWhenItExists() throws IOException {
        write(noSystemConfig, "SITE_NAME=System\n");
        write(dataDir.resolve("mychecks.conf"), "SITE_NAME=Data dir\n");
        assertThat(load().get("SITE_NAME")).isEqualTo("System");
    }

    @Test
    void dataDirConfigIsTheFallback() throws IOException {
        write(dataDir.resolve("mychecks.conf"), "# a comment\nSITE_NAME='Data dir'\n");
        assertThat(load().get("SITE_NAME")).isEqualTo("Data dir");
    }

    @Test
    void noFileAtAllIsFine() {
        assertThat(SettingsLoader.configFile(env, noSystemConfig)).isEmpty();
        assertThat(load().get("SITE_NAME")).isEqualTo("Mychecks");
    }

    @Test
    void unknownKeysInFileAndEnvironmentAreIgnored() throws IOException {
        write(dataDir.resolve("mychecks.conf"), "NOT_A_SETTING=1\n");
        env.put("PATH", "/usr/bin");
        assertThat(load().redacted()).doesNotContainKeys("NOT_A_SETTING", "PATH");
    }

    @Test
    void secretFileVariantReadsTheValueStripped() throws IOException {
        Path secret = write(tmp.resolve("db-password"), "  s3cret\n");
        env.put("DB_PASSWORD_FILE", secret.toString());
        assertThat(load().get("DB_PASSWORD")).isEqualTo("s3cret");
    }

    @Test
    void secretFileVariantInTheSettingsFileWorksToo() throws IOException {
        Path secret = write(tmp.resolve("smtp-password"), "mail-pass\n");
        write(dataDir.resolve("mychecks.conf"), "EMAIL_HOST_PASSWORD_FILE=" + secret + "\n");
        assertThat(load().get("EMAIL_HOST_PASSWORD")).isEqualTo("mail-pass");
    }

    @Test
    void environmentValueBeatsFileVariantInTheSettingsFile() throws IOException {
        Path secret = write(tmp.resolve("db-password"), "from-file\n");
        write(dataDir.resolve("mychecks.conf"), "DB_PASSWORD_FILE=" + secret + "\n");
        env.put("DB_PASSWORD", "from-env");
        assertThat(load().get("DB_PASSWORD")).isEqualTo("from-env");
    }

    @Test
    void environmentFileVariantBeatsValueInTheSettingsFile() throws IOException {
        Path secret = write(tmp.resolve("db-password"), "from-env-file\n");
        write(dataDir.resolve("mychecks.conf"), "DB_PASSWORD=from-conf\n");
        env.put("DB_PASSWORD_FILE", secret.toString());
        assertThat(load().get("DB_PASSWORD")).isEqualTo("from-env-file");
    }

    @Test
    void missingSecretFileIsAnInvalidSettingNamingTheFileKey() {
        env.put("DB_PASSWORD_FILE", tmp.resolve("nope").toString());
        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("DB_PASSWORD_FILE"))
                .hasMessageStartingWith("DB_PASSWORD_FILE: ");
    }

    @Test
    void fileVariantOfANonSecretKeyIsIgnored() throws IOException {
        Path name = write(tmp.resolve("name"), "Ignored\n");
        env.put("SITE_NAME_FILE", name.toString());
        assertThat(load().get("SITE_NAME")).isEqualTo("Mychecks");
    }

    @Test
    void unsetSecretKeyIsGeneratedOnceWithOwnerOnlyPermissions() throws IOException {
        env.remove("SECRET_KEY");
        String first = load().secretKey();
        Path file = dataDir.resolve("secret.key");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(load().secretKey()).isEqualTo(first);
    }

    @Test
    void givenSecretKeyWritesNoFile() {
        assertThat(load().secretKey()).isEqualTo("test-secret");
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void aDataDirCreatedForTheSecretKeyIsTheOwnersOnly() throws IOException {
        Path fresh = tmp.resolve("fresh/data");
        env.remove("SECRET_KEY");
        env.put("DATA_DIR", fresh.toString());
        load();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())))
                .isEqualTo("rwx------");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(fresh.resolve("secret.key"))))
                .isEqualTo("rw-------");
    }
}
