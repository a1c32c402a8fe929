package io.mychecks.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad values stop start-up with an InvalidSettingException naming the key. */
class SettingsValidationTest {
    @TempDir Path tmp;

    Settings load(String key, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", tmp.toString());
        env.put("SECRET_KEY", "test-secret");
        env.put(key, value);
        return SettingsLoader.load(env, tmp.resolve("no-system.conf"));
    }

    @ParameterizedTest
    @CsvSource({
        "DEBUG, yes",
        "DEBUG, true",
        "REGISTRATION_OPEN, 1",
        "EMAIL_PORT, abc",
        "EMAIL_PORT, -1",
        "EMAIL_PORT, 99999999999",
        "PING_BODY_LIMIT, lots",
        "HTTP_LISTEN, 8000",
        "HTTP_LISTEN, localhost:http",
        "HTTP_LISTEN, 0.0.0.0:70000",
        "SMTP_LISTEN, nowhere",
        "DB, mysql",
        "SITE_ROOT, localhost:8000",
        "SITE_ROOT, ftp://example.org",
        "EMAIL_MAIL_FROM_TMPL, bounces@example.org",
        "EMAIL_MAIL_FROM_TMPL, example.org@%s",
    })
    void badValueIsRejectedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> load(key, value))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }

    @Test
    void badValueFromTheSettingsFileIsRejectedToo() throws Exception {
        Path conf =
                java.nio.file.Files.writeString(tmp.resolve("m.conf"), "USE_GZIP_MIDDLEWARE=on\n");
        assertThatThrownBy(() -> load("MYCHECKS_CONFIG", conf.toString()))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("USE_GZIP_MIDDLEWARE"));
    }

    @Test
    void emptyHttpListenIsRejectedButEmptySmtpListenTurnsSmtpOff() {
        assertThatThrownBy(() -> load("HTTP_LISTEN", ""))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("HTTP_LISTEN"));
        assertThat(load("SMTP_LISTEN", "").smtpListen()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "DB, postgres",
        "DB, postgresql",
        "DB, SQLite",
        "DEBUG, True",
        "DEBUG, ''",
        "PING_BODY_LIMIT, None"
    })
    void acceptedValuesLoad(String key, String value) {
        assertThat(load(key, value).get(key)).isEqualTo(value);
    }

    @Test
    void emptyBooleanMeansTheDefault() {
        assertThat(load("EMAIL_USE_TLS", "").bool("EMAIL_USE_TLS")).isTrue();
        assertThat(load("DEBUG", "").bool("DEBUG")).isFalse();
    }

    @Test
    void listenAddressesParseWithIpv6Brackets() {
        Settings s = load("HTTP_LISTEN", "[::1]:8080");
        assertThat(s.httpListen()).isEqualTo(new Listen("::1", 8080));
        assertThat(s.httpListen().authority()).isEqualTo("[::1]:8080");
        assertThat(load("SMTP_LISTEN", "0.0.0.0:25").smtpListen())
                .isEqualTo(Optional.of(new Listen("0.0.0.0", 25)));
    }

    @Test
    void derivedDefaultsFollowSiteRootAndSiteName() {
        Settings s = load("SITE_ROOT", "https://checks.example.org/");
        assertThat(s.siteRoot()).isEqualTo("https://checks.example.org");
        assertThat(s.pingEndpoint()).isEqualTo("https://checks.example.org/ping/");
        assertThat(s.masterBadgeLabel()).isEqualTo("Mychecks");
        assertThat(s.pingBodyLimit()).hasValue(10000);
        assertThat(load("PING_BODY_LIMIT", "None").pingBodyLimit()).isEmpty();
    }

    @Test
    void redactedHidesEverySecretAndNothingElse() {
        Map<String, String> values = new HashMap<>();
        for (SettingKey key : SettingKeys.ALL) {
            if (key.secret()) {
                values.put(key.name(), "hunter2-" + key.name());
            }
        }
        values.put("EMAIL_HOST_USER", "mailer");
        Map<String, String> redacted = Settings.of(values).redacted();
        for (SettingKey key : SettingKeys.ALL) {
            if (key.secret()) {
                assertThat(redacted.get(key.name())).as(key.name()).isEqualTo("****");
            }
        }
        assertThat(redacted.values()).noneMatch(v -> v.contains("hunter2"));
        assertThat(redacted)
                .containsEntry("EMAIL_HOST_USER", "mailer")
                .containsEntry("SITE_NAME", "Mychecks");
    }

    @Test
    void redactedLeavesAnEmptySecretEmpty() {
        assertThat(Settings.of(Map.of()).redacted()).containsEntry("DB_PASSWORD", "");
    }
}
