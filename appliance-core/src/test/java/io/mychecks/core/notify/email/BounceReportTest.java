package io.mychecks.core.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceReportTest {
    static byte[] report(String fields) {
        return ("To: bounces+x@example.org\r\n"
                        + "Content-Type: multipart/report; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nsorry\r\n"
                        + "--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                        + fields
                        + "--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "5.1.1|5.1.1",
                "4.4.7 (delayed)|4.4.7",
                "2.0.0|2.0.0",
                "5.1.1234|",
                "5.1|",
                "3.1.1|",
                "5.1.1x|",
                "5..1|",
                "'  '|"
            })
    void statusCodesAreReadAsTheRfcWritesThem(String value, String expected) {
        assertThat(BounceReport.statusCode(value.strip())).isEqualTo(expected);
    }

    @Test
    void theDiagnosticLosesItsTypeAndItsFolding() {
        BounceReport r =
                BounceReport.parse(
                        report(
                                "Reporting-MTA: dns; mx\r\n\r\nStatus: 5.1.1\r\n"
                                        + "Diagnostic-Code: SMTP ; 550 no\r\n\tsuch   user\r\n"));
        assertThat(r.to()).isEqualTo("bounces+x@example.org");
        assertThat(r.status()).isEqualTo("5.1.1");
        assertThat(r.diagnostic()).isEqualTo("550 no such user");
        assertThat(r.permanent()).isTrue();
    }

    @Test
    void withoutADiagnosticTheStatusStandsForIt() {
        BounceReport r = BounceReport.parse(report("status: 4.2.2\r\nDiagnostic-Code: smtp;\r\n"));
        assertThat(r.diagnostic()).isEqualTo("4.2.2");
        assertThat(r.temporary()).isTrue();
    }

    @Test
    void aDiagnosticFoldedOverManyLinesIsJoined() {
        StringBuilder f = new StringBuilder("Status: 5.0.0\r\nDiagnostic-Code: smtp; a");
        for (int i = 0; i < 100_000; i++) {
            f.append("\r\n b");
        }
        f.append("\r\n");
        BounceReport r = BounceReport.parse(report(f.toString()));
        assertThat(r.status()).isEqualTo("5.0.0");
        assertThat(r.diagnostic()).startsWith("a b b b").doesNotContain("  ");
    }

    @Test
    void theRecipientIsReadFromTheHeadersAlone() {
        assertThat(
                        BounceReport.recipient(
                                "To: A <a@example.org>, b@example.org\r\n\r\n".getBytes()))
                .isEqualTo("a@example.org");
        assertThat(BounceReport.recipient("Subject: none\r\n\r\n".getBytes())).isNull();
        assertThat(BounceReport.parse(new byte[0]).status()).isNull();
    }
}
