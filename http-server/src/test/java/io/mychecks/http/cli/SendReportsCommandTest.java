package io.mychecks.http.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendReportsCommandTest {
    @TempDir Path tmp;

    @Test
    void withoutMailItSaysSoAndFails() {
        Result r = new CliRun(tmp).run("sendreports");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("EMAIL_HOST is not set");
    }

    @Test
    void withMailItRunsOneRound() {
        try (SmtpSink sink = new SmtpSink()) {
            CliRun cli = new CliRun(tmp);
            sink.settings().forEach(cli::with);
            Result r = cli.run("sendreports");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("Sent 0 emails.");
        }
    }
}
