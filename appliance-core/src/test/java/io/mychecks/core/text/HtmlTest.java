package io.mychecks.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {
    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {"&|&amp;", "<|&lt;", ">|&gt;", "\"|&quot;", "'|&#x27;"})
    void eachSpecialCharacterBecomesItsEntity(String raw, String escaped) {
        assertThat(Html.escape(raw)).isEqualTo(escaped);
        assertThat(Html.escape("a" + raw + "b")).isEqualTo("a" + escaped + "b");
    }

    @Test
    void allFiveTogetherAndAnAlreadyEscapedEntityIsEscapedAgain() {
        assertThat(Html.escape("<a href=\"x?a=1&b='2'\">&amp;</a>"))
                .isEqualTo(
                        "&lt;a href=&quot;x?a=1&amp;b=&#x27;2&#x27;&quot;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void nonAsciiAndCharactersOutsideTheBasicPlaneAreKept() {
        String text = "Grüße, 東京 — 😀 ñ";
        assertThat(Html.escape(text)).isEqualTo(text);
        assertThat(Html.escape("😀<😀")).isEqualTo("😀&lt;😀");
    }

    @Test
    void plainTextIsUnchangedAndNullIsEmpty() {
        assertThat(Html.escape("backup ok 100%")).isEqualTo("backup ok 100%");
        assertThat(Html.escape("")).isEmpty();
        assertThat(Html.escape(null)).isEmpty();
    }
}
