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
        "DB_HOST, db/x",
        "DB_HOST, db?socketFactory=x",
        "DB_HOST, /var/run/postgresql",
        "DB_HOST, 'db,other'",
        "DB_HOST, db:5432",
        "DB_HOST, db&ssl=false",
        "PRUNE_DAILY_AT, 3:30",
        "PRUNE_DAILY_AT, 24:00",
        "PRUNE_DAILY_AT, 03:60",
        "PRUNE_DAILY_AT, noon",
        "DB_HOST, ::1",
        "DB_HOST, -db",
        "DB_PORT, 0",
        "DB_PORT, 65536",
        "DB_PORT, 5432/x",
        "DB_PORT, abc",
        "DB_SSLMODE, bogus",
        "DB_SSLMODE, require&socketFactory=x",
        "DB_TARGET_SESSION_ATTRS, master",
        "TRUSTED_PROXIES, proxy.example.org",
        "TRUSTED_PROXIES, 10.0.0.0/33",
        "TRUSTED_PROXIES, 10.0.0.256",
        "TRUSTED_PROXIES, '10.0.0.1,,10.0.0.2'",
        "TRUSTED_PROXIES, fd00::/129",
        "TRUSTED_PROXIES, 10.0.0.0/x",
        "SECURE_PROXY_SSL_HEADER, HTTP_X_FORWARDED_PROTO",
        "SECURE_PROXY_SSL_HEADER, 'HTTP_X_FORWARDED_PROTO,https,x'",
        "SECURE_PROXY_SSL_HEADER, 'X Forwarded,https'",
        "SECURE_PROXY_SSL_HEADER, 'HTTP_X_FORWARDED_PROTO,'",
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
        "PING_BODY_LIMIT, None",
        "PRUNE_DAILY_AT, 03:30",
        "PRUNE_DAILY_AT, 23:59",
        "PRUNE_DAILY_AT, ''"
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

    @ParameterizedTest
    @CsvSource({
        "DB_HOST, db.example.org",
        "DB_HOST, 10.1.2.3",
        "DB_HOST, [::1]",
        "DB_HOST, pg_1",
        "DB_PORT, 5433",
        "DB_SSLMODE, verify-full",
        "DB_TARGET_SESSION_ATTRS, standby",
        "TRUSTED_PROXIES, '127.0.0.1, 10.0.0.0/8, fd00::/8, ::1'",
        "SECURE_PROXY_SSL_HEADER, 'HTTP_X_FORWARDED_PROTO,https'",
        "SECURE_PROXY_SSL_HEADER, 'X-Forwarded-Proto,https'",
    })
    void goodDatabaseAndProxyValuesAreAccepted(String key, String value) {
        assertThat(load(key, value).get(key)).isEqualTo(value);
    }

    @Test
    void aPostgresDatabaseNameMustBeOne() {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", tmp.toString());
        env.put("SECRET_KEY", "test-secret");
        env.put("DB", "postgres");
        env.put("DB_NAME", "x".repeat(64));
        assertThatThrownBy(() -> SettingsLoader.load(env, tmp.resolve("no-system.conf")))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo("DB_NAME"));
        env.put("DB_NAME", "hc\u0000x");
        assertThatThrownBy(() -> SettingsLoader.load(env, tmp.resolve("no-system.conf")))
                .isInstanceOf(InvalidSettingException.class);
        // the same long name is a fine SQLite file name
        env.put("DB", "sqlite");
        env.put("DB_NAME", tmp.resolve("x".repeat(64)).toString());
        assertThat(SettingsLoader.load(env, tmp.resolve("no-system.conf")).usesPostgres())
                .isFalse();
    }

    @Test
    void databaseLocationNamesTheFileOrServerButNeverThePassword() {
        Path elsewhere = tmp.resolve("elsewhere/db.sqlite");
        assertThat(load("DB_NAME", elsewhere.toString()).databaseLocation())
                .isEqualTo("SQLite " + elsewhere.toAbsolutePath());
        assertThat(load("DB", "sqlite").databaseLocation())
                .isEqualTo("SQLite " + tmp.resolve("mychecks.sqlite").toAbsolutePath());
        Map<String, String> pg = new HashMap<>();
        pg.put("DB", "postgres");
        pg.put("DB_HOST", "db.example.org");
        pg.put("DB_PORT", "6543");
        pg.put("DB_NAME", "checks");
        pg.put("DB_PASSWORD", "hunter2");
        assertThat(Settings.of(pg).databaseLocation())
                .isEqualTo("PostgreSQL db.example.org:6543/checks")
                .doesNotContain("hunter2");
        assertThat(Settings.of(Map.of("DB", "postgres")).databaseLocation())
                .isEqualTo("PostgreSQL 127.0.0.1:5432/hc");
    }
}
