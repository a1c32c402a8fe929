package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.mychecks.core.pings.PingEvent.EmailContent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTextTest {

    static EmailContent extract(String message) {
        return EmailText.extract(crlf(message).getBytes(StandardCharsets.UTF_8));
    }

    static String crlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    @Test
    void plainMessageGivesSubjectAndBody() {
        EmailContent c =
                extract("From: cron@example.org\nSubject: Backup done\n\nAll good.\nBye\n");
        assertThat(c.subject()).isEqualTo("Backup done");
        assertThat(c.text()).isEqualTo("All good.\nBye");
    }

    @Test
    void missingSubjectIsEmpty() {
        assertThat(extract("From: a@b\n\nbody\n").subject()).isEmpty();
    }

    @Test
    void encodedWordSubjectsAreDecoded() {
        assertThat(extract("Subject: =?UTF-8?B?U2F1dmVnYXJkZSDDqWNob3XDqWU=?=\n\nx").subject())
                .isEqualTo("Sauvegarde échouée");
        assertThat(
                        extract(
                                        "Subject: =?iso-8859-1?Q?Sicherung_fehlgeschlagen:_M=FCnchen?=\n\nx")
                                .subject())
                .isEqualTo("Sicherung fehlgeschlagen: München");
        assertThat(extract("Subject: Job =?utf-8?q?=E2=9C=93?=\n =?utf-8?q?_done?=\n\nx").subject())
                .isEqualTo("Job ✓ done");
    }

    @Test
    void rawUtf8SubjectIsRead() {
        assertThat(extract("Subject: Задача выполнена\n\nx").subject())
                .isEqualTo("Задача выполнена");
    }

    @Test
    void badEncodedWordIsLeftAsWritten() {
        assertThat(extract("Subject: =?x-unknown?B?SGVsbG8=?= ok\n\nx").subject()).contains("ok");
    }

    @Test
    void alternativePartsGiveTextAndRenderedHtml() {
        EmailContent c =
                extract(
                        """
                Subject: report
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                plain says SUCCESS
                --b1
                Content-Type: text/html; charset=utf-8

                <html><body><p>html says <b>FAIL</b> &amp; more</p></body></html>
                --b1--
                """);
        assertThat(c.text())
                .contains("plain says SUCCESS")
                .contains("html says FAIL & more")
                .doesNotContain("<b>");
    }

    @Test
    void nestedMultipartsAreSearchedButAttachmentsAreNot() {
        EmailContent c =
                extract(
                        """
                Subject: nested
                Content-Type: multipart/mixed; boundary=outer

                preamble is not text
                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain

                inner plain
                --inner
                Content-Type: text/html

                <div>inner html</div>
                --inner--
                --outer
                Content-Type: text/plain; name=log.txt
                Content-Disposition: attachment; filename=log.txt

                attached FAIL text
                --outer
                Content-Type: application/octet-stream

                binary
                --outer--
                """);
        assertThat(c.text()).isEqualTo("inner plain\ninner html");
    }

    @Test
    void quotedPrintableIsDecoded() {
        EmailContent c =
                extract(
                        """
                Subject: qp
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                r=C3=A9sultat: termin=C3=A9, a very long line that was wrapped by the se=
                nder with a soft break
                """);
        assertThat(c.text())
                .isEqualTo(
                        "résultat: terminé, a very long line that was wrapped by the sender with a soft break");
    }

    @Test
    void base64IsDecoded() {
        String body =
                Base64.getMimeEncoder()
                        .encodeToString(
                                "Backup FAILED: disk full\n".getBytes(StandardCharsets.UTF_8));
        EmailContent c =
                extract(
                        "Subject: b64\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: base64\n\n"
                                + body
                                + "\n");
        assertThat(c.text()).isEqualTo("Backup FAILED: disk full");
    }

    @Test
    void base64HtmlPartIsDecodedThenRendered() {
        String html =
                Base64.getMimeEncoder()
                        .encodeToString("<p>déjà <i>vu</i></p>".getBytes(StandardCharsets.UTF_8));
        EmailContent c =
                extract(
                        "Subject: h\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: BASE64\n\n"
                                + html
                                + "\n");
        assertThat(c.text()).isEqualTo("déjà vu");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ISO-8859-1",
                "windows-1252",
                "ISO-8859-15",
                "KOI8-R",
                "Shift_JIS",
                "UTF-16"
            })
    void bodyCharsetsAreHonoured(String charset) {
        String text =
                charset.equals("KOI8-R")
                        ? "Ошибка резервного копирования"
                        : charset.equals("Shift_JIS")
                                ? "バックアップ失敗"
                                : "Sicherung fehlgeschlagen: Grüße";
        byte[] head =
                ("Subject: cs\r\nContent-Type: text/plain; charset="
                                + charset
                                + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        assertThat(EmailText.extract(raw).text()).isEqualTo(text);
    }

    @Test
    void unknownCharsetReadsAsUtf8() {
        assertThat(
                        extract(
                                        "Content-Type: text/plain; charset=x-no-such-charset\n\nplain ok ✓\n")
                                .text())
                .isEqualTo("plain ok ✓");
    }

    @Test
    void brokenBase64FallsBackToTheRawText() {
        EmailContent c =
                extract(
                        "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nthis is not base64 !!! FAIL\n");
        assertThat(c.text()).contains("FAIL");
    }

    @Test
    void unknownTransferEncodingFallsBackToTheRawText() {
        assertThat(
                        extract(
                                        "Content-Type: text/plain\nContent-Transfer-Encoding: x-weird\n\nweird FAIL\n")
                                .text())
                .isEqualTo("weird FAIL");
    }

    @Test
    void multipartWithoutItsBoundaryIsSearchedAsText() {
        EmailContent c =
                extract(
                        "Subject: s\nContent-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nbody FAIL\n--x--\n");
        assertThat(c.text()).contains("body FAIL");
    }

    @Test
    void multipartWithoutClosingBoundaryKeepsItsParts() {
        EmailContent c =
                extract(
                        "Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nfirst part\n");
        assertThat(c.text()).isEqualTo("first part");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\n",
                "no headers at all",
                "Subject: only headers",
                "Content-Type: ;;;\n\nx",
                "Content-Type: multipart/mixed; boundary=\"\n\n--\n",
                "Content-Type: text/html\n\n<<<&#xZZ;<script",
                "Subject: =?utf-8?B?====?=\n\n",
                "\u0000\u0001\u0002\u00ff\uffff"
            })
    void malformedMessagesNeverThrow(String message) {
        assertThatCode(() -> extract(message)).doesNotThrowAnyException();
    }

    @Test
    void binaryJunkNeverThrows() {
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(42).nextBytes(junk);
        assertThatCode(() -> EmailText.extract(junk)).doesNotThrowAnyException();
    }

    @Test
    void deeplyNestedMultipartsStopAtTheDepthLimit() {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            m.append("Content-Type: multipart/mixed; boundary=b")
                    .append(i)
                    .append("\n\n--b")
                    .append(i)
                    .append('\n');
        }
        m.append("Content-Type: text/plain\n\ndeep\n");
        assertThatCode(() -> extract(m.toString())).doesNotThrowAnyException();
    }

    @Test
    void aMessageOfManyEmptyPartsIsReadWithinBounds() {
        byte[] bomb = MimeTreeTest.emptyPartsBomb(350_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5),
                () -> {
                    long before = MimeTreeTest.allocatedBytes();
                    EmailContent c = EmailText.extract(bomb);
                    long allocated = MimeTreeTest.allocatedBytes() - before;
                    assertThat(c.subject()).isEqualTo("bomb");
                    assertThat(c.text()).isEmpty();
                    assertThat(allocated).isLessThan(64L * 1024 * 1024);
                });
    }

    @Test
    void textAfterTheHundredthPartIsNotSearched() {
        StringBuilder m = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 1; i <= 150; i++) {
            m.append("--b\nContent-Type: text/plain\n\npart").append(i).append("\n");
        }
        m.append("--b--\n");
        String text = extract(m.toString()).text();
        assertThat(text).contains("part1\n", "part99").doesNotContain("part100", "part150");
    }
}
