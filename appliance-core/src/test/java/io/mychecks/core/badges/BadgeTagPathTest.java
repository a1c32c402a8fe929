package io.mychecks.core.badges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadgeTagPathTest {

    @Test
    void plainTagsAreWrittenAsTheyAre() {
        assertThat(BadgeTagPath.encode("db-backups_1.x~y")).isEqualTo("db-backups_1.x~y");
    }

    @Test
    void otherCharactersAreEncodedTwice() {
        assertThat(BadgeTagPath.encode("a&b")).isEqualTo("a%2526b");
        assertThat(BadgeTagPath.encode("a/b")).isEqualTo("a%252Fb");
        assertThat(BadgeTagPath.encode("café")).isEqualTo("caf%25C3%25A9");
    }

    /** What the server hands over after its own decoding of the path. */
    private static String onceDecoded(String encoded) {
        return BadgeTagPath.unquote(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "a&b", "a/b", "50%", "café", "x y", "日本", "a+b"})
    void encodedTagsDecodeBackToThemselves(String tag) {
        assertThat(BadgeTagPath.decode(onceDecoded(BadgeTagPath.encode(tag)))).contains(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a&b", "a b", "a/b", "a+b", "", "a?b"})
    void segmentsOutsideThePatternAreRejected(String segment) {
        assertThat(BadgeTagPath.decode(segment)).isEmpty();
    }

    @Test
    void brokenPercentSequencesStayLiteral() {
        assertThat(BadgeTagPath.decode("50%")).contains("50%");
        assertThat(BadgeTagPath.decode("%zz")).contains("%zz");
        assertThat(BadgeTagPath.decode("%ff")).contains("\uFFFD");
        assertThat(BadgeTagPath.decode(null)).isEmpty();
    }
}
