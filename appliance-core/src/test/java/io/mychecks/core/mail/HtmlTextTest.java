package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTextTest {

    @Test
    void tagsAreDroppedAndBlocksBreakLines() {
        String html =
                "<html><body><h1>Backup</h1><p>Status: <b>FAILED</b></p>line one<br>line two</body></html>";
        assertThat(HtmlText.render(html)).isEqualTo("Backup\nStatus: FAILED\nline one\nline two");
    }

    @Test
    void scriptStyleHeadAndCommentsAreNotText() {
        String html =
                "<head><title>ignored title</title><style>p { color: red }</style></head>"
                        + "<!-- a comment with success --><script type=\"text/javascript\">var s = 'fail';</script><p>visible</p>";
        assertThat(HtmlText.render(html)).isEqualTo("visible");
    }

    @Test
    void whitespaceCollapsesExceptInsidePre() {
        assertThat(HtmlText.render("<p>a   b\n\t c</p>")).isEqualTo("a b c");
        assertThat(HtmlText.render("<pre>ERROR:  disk\nfull</pre>"))
                .isEqualTo("ERROR:  disk\nfull");
    }

    @Test
    void tableCellsAreSeparated() {
        assertThat(HtmlText.render("<table><tr><td>job</td><td>failed</td></tr></table>"))
                .isEqualTo("job failed");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Tom &amp; Jerry|Tom & Jerry",
                "&lt;b&gt; &quot;q&quot; &apos;a&apos;|<b> \"q\" 'a'",
                "caf&eacute; &Agrave; &yuml; &iexcl; &divide;|café À ÿ ¡ ÷",
                "&#233;t&#xE9; &#X263a;|été ☺",
                "a&nbsp;b|a b",
                "x &unknown; y|x &unknown; y",
                "AT&T and a & b|AT&T and a & b",
                "&#0; &#xD800; &#99999999;|\uFFFD \uFFFD \uFFFD",
                "&#65 no semicolon|A no semicolon",
                "&hellip;&mdash;&euro;|…—€",
            })
    void characterReferencesAreDecoded(String html, String text) {
        assertThat(HtmlText.render(html)).isEqualTo(text);
    }

    @Test
    void quotedAttributesMayContainAngleBrackets() {
        assertThat(HtmlText.render("<a title=\"1 > 0\" href='x'>link</a> done"))
                .isEqualTo("link done");
    }

    @Test
    void aLessThanSignThatOpensNoTagIsText() {
        assertThat(HtmlText.render("<p>2 < 3 and 4 <= 5</p>")).isEqualTo("2 < 3 and 4 <= 5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p unclosed",
                "<a title=\"never closed>text",
                "<script>no end",
                "<!-- no end",
                "<",
                "&",
                "&#",
                "&#x",
                "<<<>>>",
                "</>",
                "<p>\u0000\uFFFF</p>",
                ""
            })
    void malformedHtmlNeverThrows(String html) {
        assertThatCode(() -> HtmlText.render(html)).doesNotThrowAnyException();
    }

    @Test
    void manyStrayQuotesStayFast() {
        String html = "<a \"".repeat(200_000) + ">end";
        long start = System.nanoTime();
        HtmlText.render(html);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
