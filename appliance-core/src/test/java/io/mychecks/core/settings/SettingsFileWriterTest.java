package io.mychecks.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileWriterTest {
    static final String FILE =
            "# Mychecks settings\n"
                    + "\n"
                    + "# The public address.\n"
                    + "SITE_ROOT=http://checks.lan:8000\n"
                    + "\n"
                    + "# Web server address.\n"
                    + "#HTTP_LISTEN=127.0.0.1:8000\n"
                    + "\n"
                    + "MY_OWN_KEY=kept as it is\n"
                    + "REGISTRATION_OPEN=True\n";

    @TempDir Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("mychecks.conf");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void editsInPlaceAndKeepsCommentsOrderAndUnknownKeys() throws Exception {
        Path f = file(FILE);
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("SITE_ROOT", "https://checks.example.org");
        changes.put("HTTP_LISTEN", "0.0.0.0:8000");
        changes.put("SITE_NAME", "Our Checks");
        changes.put("REGISTRATION_OPEN", "");
        SettingsFileWriter.update(f, changes);
        assertThat(Files.readString(f))
                .isEqualTo(
                        "# Mychecks settings\n"
                                + "\n"
                                + "# The public address.\n"
                                + "SITE_ROOT=https://checks.example.org\n"
                                + "\n"
                                + "# Web server address.\n"
                                + "#HTTP_LISTEN=127.0.0.1:8000\n"
                                + "HTTP_LISTEN=0.0.0.0:8000\n"
                                + "\n"
                                + "MY_OWN_KEY=kept as it is\n"
                                + "SITE_NAME=\"Our Checks\"\n");
        Map<String, String> read = SettingsFile.read(f);
        assertThat(read)
                .containsEntry("SITE_NAME", "Our Checks")
                .containsEntry("MY_OWN_KEY", "kept as it is");
        assertThat(read).doesNotContainKey("REGISTRATION_OPEN");
        assertThat(Files.readString(dir.resolve("mychecks.conf.bak"))).isEqualTo(FILE);
    }

    @Test
    void aBadValueChangesNothing() throws Exception {
        Path f = file(FILE);
        assertThatThrownBy(() -> SettingsFileWriter.update(f, Map.of("REGISTRATION_OPEN", "yes")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REGISTRATION_OPEN: must be True or False");
        assertThatThrownBy(() -> SettingsFileWriter.update(f, Map.of("SITE_NAME", "two\nlines")))
                .hasMessageContaining("must be one line");
        assertThatThrownBy(() -> SettingsFileWriter.update(f, Map.of("bad key", "x")))
                .hasMessageContaining("is not a setting name");
        assertThat(Files.readString(f)).isEqualTo(FILE);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mychecks.conf");
        }
    }

    @Test
    void valuesWithSpacesAndQuotesReadBackTheSame() throws Exception {
        Path f = file("");
        Map<String, String> changes = new HashMap<>();
        changes.put("SITE_NAME", "Checks #1 \"prod\"");
        changes.put("DEFAULT_FROM_EMAIL", " padded@example.org ");
        changes.put("MY_NOTE", "it's fine");
        SettingsFileWriter.update(f, changes);
        Map<String, String> read = SettingsFile.read(f);
        assertThat(read.get("SITE_NAME")).isEqualTo("Checks #1 \"prod\"");
        assertThat(read.get("MY_NOTE")).isEqualTo("it's fine");
        assertThat(read.get("DEFAULT_FROM_EMAIL")).isEqualTo(" padded@example.org ");
        assertThat(SettingsFileWriter.quoted("plain")).isEqualTo("plain");
    }

    @Test
    void windowsLineEndsStayAndModeIsKept() throws Exception {
        Path f = file("A=1\r\n#B=2\r\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        SettingsFileWriter.update(f, Map.of("B", "3"));
        assertThat(Files.readString(f)).isEqualTo("A=1\r\n#B=2\r\nB=3\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void aMissingFileIsCreatedPrivate() throws Exception {
        Path f = dir.resolve("new.conf");
        assertThat(SettingsFileWriter.update(f, Map.of("SITE_NAME", "Fresh"))).isEmpty();
        assertThat(Files.readString(f)).isEqualTo("SITE_NAME=Fresh\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .doesNotContain("r--r--r--")
                .endsWith("---");
    }

    @Test
    void perKeyValidationIsPublic() {
        assertThat(SettingKeys.problem("HTTP_LISTEN", "8000")).isPresent();
        assertThat(SettingKeys.problem("HTTP_LISTEN", "0.0.0.0:8000")).isEmpty();
        assertThat(SettingKeys.problem("SOMETHING_ELSE", "anything")).isEmpty();
    }
}
