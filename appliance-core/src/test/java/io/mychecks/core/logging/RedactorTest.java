package io.mychecks.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET /ping/5ca3e43c-c5c0-478b-bd51-eef3b5894377/fail failed"
                        + "|GET /ping/<uuid>/fail failed",
                "GET /ping/abcdefghij0123456789ab/nightly-backup"
                        + "|GET /ping/<redacted>/nightly-backup",
                "email ping to abcdefghij0123456789ab+db-dump@hc.example.org"
                        + "|email ping to <redacted>+db-dump@hc.example.org",
                "key hcw_ABCDEFGHIJKLMNOPQRSTUVWXYZab refused|key <redacted> refused",
                "POST https://bob:s3cret@hooks.example.org/x?token=abc&v=2 failed"
                        + "|POST https://<redacted>@hooks.example.org/x?token=<redacted>&v=<redacted> failed",
                ">> POST /hook/db%20backup?token=s3cr3t HTTP/1.1"
                        + "|>> POST /hook/db%20backup?token=<redacted> HTTP/1.1",
                ">> Authorization: Basic aG9va3VzZXI6aG9va3Bhc3M="
                        + "|>> Authorization: <redacted>",
                "GET /integrations/0f1e/verify/aGVsbG8td29ybGQ/|GET /integrations/0f1e/verify/<redacted>/",
                "GET /projects/0f1e/metrics/sekritkey|GET /projects/0f1e/metrics/<redacted>",
                "header Authorization: Bearer xyz|header Authorization: <redacted>",
                "X-Api-Key=hunter2hunter2|X-Api-Key=<redacted>",
                "check 42 (db backup) goes down|check 42 (db backup) goes down",
            })
    void secretsAreReplaced(String line, String expected) {
        assertThat(Redactor.redact(line)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nothingToHideStaysTheSame() {
        String line = "ping-writer-0: database reachable again";
        assertThat(Redactor.redact(line)).isSameAs(line);
        assertThat(Redactor.redact(null)).isNull();
    }

    @org.junit.jupiter.api.Test
    void longInputsDoNotOverflowTheStack() {
        String line = "x".repeat(200_000) + " https://a:b@h/" + "y".repeat(100_000);
        assertThat(Redactor.redact(line)).contains("https://<redacted>@h/");
    }
}
