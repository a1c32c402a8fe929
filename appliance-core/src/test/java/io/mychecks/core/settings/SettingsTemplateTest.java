package io.mychecks.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code config/mychecks.conf} is the admin's documentation of every setting: it must list exactly
 * the keys Mychecks reads, each commented out with its true default.
 */
class SettingsTemplateTest {
    /** A setting line: {@code #KEY=default}, with no space after the {@code #}. */
    private static final Pattern SETTING_LINE = Pattern.compile("^#([A-Z][A-Z0-9_]*)=(.*)$");

    static String text;
    static Map<String, String> shown;

    @BeforeAll
    static void read() throws IOException {
        // surefire runs in the module directory; the template lives at the repository root
        text = Files.readString(Path.of("../config/mychecks.conf"));
        shown = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            Matcher m = SETTING_LINE.matcher(line);
            if (m.matches()) {
                assertThat(shown.put(m.group(1), m.group(2)))
                        .as("%s listed twice", m.group(1))
                        .isNull();
            }
        }
    }

    @Test
    void templateListsEveryKeyMychecksReads() {
        List<String> names =
                SettingKeys.ALL.stream().map(SettingKey::name).collect(Collectors.toList());
        assertThat(shown.keySet()).containsAll(names);
    }

    @Test
    void templateListsNoKeyMychecksDoesNotRead() {
        List<String> names =
                SettingKeys.ALL.stream().map(SettingKey::name).collect(Collectors.toList());
        assertThat(names).containsAll(shown.keySet());
    }

    @Test
    void everyKeyShowsItsDefault() {
        for (SettingKey key : SettingKeys.ALL) {
            assertThat(shown.get(key.name())).as(key.name()).isEqualTo(key.defaultValue());
        }
    }

    @Test
    void everySettingIsCommentedOut() {
        assertThat(SettingsFile.parse(text)).isEmpty();
    }

    @Test
    void everySecretMentionsItsFileVariant() {
        for (SettingKey key : SettingKeys.ALL) {
            if (key.secret()) {
                assertThat(text).as(key.name()).contains(key.name() + "_FILE");
            }
        }
    }

    @Test
    void headerExplainsPrecedenceAndFileLocation() {
        assertThat(text)
                .contains(
                        "MYCHECKS_CONFIG",
                        "/etc/mychecks/mychecks.conf",
                        "DATA_DIR/mychecks.conf",
                        "EnvironmentFile=");
        assertThat(text)
                .containsSubsequence(
                        "# Appliance",
                        "# Database",
                        "# Site",
                        "# Pings",
                        "# Email",
                        "# Integrations");
    }

    @Test
    void uncommentingEveryLineGivesValidSettings() {
        String uncommented =
                text.lines()
                        .map(l -> SETTING_LINE.matcher(l).matches() ? l.substring(1) : l)
                        .collect(Collectors.joining("\n"));
        Map<String, String> values = SettingsFile.parse(uncommented);
        assertThat(values).hasSameSizeAs(SettingKeys.ALL);
        assertThat(Settings.of(values).redacted()).containsEntry("HTTP_LISTEN", "127.0.0.1:8000");
    }
}
