package io.mychecks.http.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpdCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Mychecks.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "65536", "-1"})
    void portOutsideTheRangeIsAUsageError(String port) {
        assertThat(run("smtpd", "--port", port)).isEqualTo(Mychecks.USAGE);
        assertThat(err.toString())
                .isEqualTo(
                        "mychecks: --port must be 0-65535, not " + port + System.lineSeparator());
    }

    @Test
    void portThatIsNotANumberIsAUsageError() {
        assertThat(run("smtpd", "--port", "smtp")).isEqualTo(Mychecks.USAGE);
        assertThat(err.toString()).contains("--port").contains("smtpd --help");
    }

    @Test
    void emptyHostIsAUsageError() {
        assertThat(run("smtpd", "--host", " ", "--port", "2525")).isEqualTo(Mychecks.USAGE);
        assertThat(err.toString()).contains("--host must not be empty");
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("smtpd", "--help")).isZero();
        assertThat(out.toString()).contains("--host").contains("--port").contains("SMTP_LISTEN");
    }

    @Test
    void smtpdIsListedAmongTheCommands() {
        run("--help");
        assertThat(out.toString()).contains("smtpd");
    }
}
