package io.mychecks.core.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class BadgeSvgTest {

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void svgShowsLabelAndStatusInTheStatusColour() throws Exception {
        String svg = BadgeSvg.render("backups", BadgeStatus.LATE);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("backups: late");
        assertThat(svg)
                .contains("fill=\"#fe7d37\"")
                .contains(">backups</text>")
                .contains(">late</text>");
        assertThat(BadgeSvg.render("x", BadgeStatus.UP)).contains("fill=\"#4c1\"");
        assertThat(BadgeSvg.render("x", BadgeStatus.DOWN)).contains("fill=\"#e05d44\"");
    }

    @Test
    void markupInTheLabelIsEscaped() throws Exception {
        String svg = BadgeSvg.render("a&b<c>\"d'", BadgeStatus.UP);
        assertThat(svg).contains("a&amp;b&lt;c&gt;&quot;d&#x27;").doesNotContain("a&b");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("text").item(1).getTextContent())
                .isEqualTo("a&b<c>\"d'");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("a&b<c>\"d': up");
    }

    @Test
    void controlCharactersAreDroppedAndPlaceholdersStayText() throws Exception {
        Document doc = parse(BadgeSvg.render("x\u0001y{WIDTH}", BadgeStatus.UP));
        assertThat(doc.getElementsByTagName("text").item(1).getTextContent())
                .isEqualTo("xy{WIDTH}");
    }

    @Test
    void widthGrowsWithTheLabelAndAddsUpToBothHalves() throws Exception {
        Element narrow = parse(BadgeSvg.render("i", BadgeStatus.UP)).getDocumentElement();
        Element wide = parse(BadgeSvg.render("WWWWWWWW", BadgeStatus.UP)).getDocumentElement();
        int narrowWidth = Integer.parseInt(narrow.getAttribute("width"));
        int wideWidth = Integer.parseInt(wide.getAttribute("width"));
        assertThat(wideWidth - narrowWidth).isEqualTo(8 * 11 - 3);
        Element labelRect = (Element) wide.getElementsByTagName("rect").item(1);
        Element messageRect = (Element) wide.getElementsByTagName("rect").item(2);
        assertThat(
                        Integer.parseInt(labelRect.getAttribute("width"))
                                + Integer.parseInt(messageRect.getAttribute("width")))
                .isEqualTo(wideWidth);
        assertThat(messageRect.getAttribute("x")).isEqualTo(labelRect.getAttribute("width"));
    }

    @Test
    void textWidthsComeFromTheReferenceTable() {
        assertThat(BadgeTextWidths.of("")).isZero();
        assertThat(BadgeTextWidths.of("fresh")).isEqualTo(4 + 4 + 6 + 6 + 7);
        assertThat(BadgeTextWidths.of("abcdefghijklmnopqrstuvwxyz"))
                .isEqualTo(
                        7 + 7 + 6 + 7 + 6 + 4 + 7 + 7 + 3 + 3 + 7 + 3 + 10 + 7 + 7 + 7 + 7 + 4 + 6
                                + 5 + 7 + 7 + 9 + 6 + 7 + 7);
        assertThat(BadgeTextWidths.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                .isEqualTo(
                        8 + 7 + 8 + 8 + 7 + 6 + 9 + 8 + 3 + 4 + 7 + 6 + 10 + 8 + 9 + 6 + 9 + 7 + 7
                                + 7 + 8 + 8 + 11 + 7 + 7 + 7);
        assertThat(BadgeTextWidths.of("0123456789")).isEqualTo(7 * 9 + 6);
        assertThat(BadgeTextWidths.of("-_")).isEqualTo(4 + 6);
        // everything else, wide, accented, punctuation or space, counts 7 per code point
        assertThat(BadgeTextWidths.of(" .日本é\uD83D\uDE00")).isEqualTo(6 * 7);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "fresh, up, 61, 37, 24, 18.5, 49",
        "backups, late, 88, 57, 31, 28.5, 72.5",
        "db-1_x, down, 86, 46, 40, 23, 66",
        "W, up, 45, 21, 24, 10.5, 33",
    })
    void badgeIsExactlyAsWideAsTheReferencesOne(
            String label,
            String status,
            int width,
            int labelWidth,
            int messageWidth,
            String labelX,
            String messageX)
            throws Exception {
        String svg = BadgeSvg.render(label, BadgeStatus.valueOf(status.toUpperCase()));
        Element root = parse(svg).getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(width));
        Element labelRect = (Element) root.getElementsByTagName("rect").item(1);
        Element messageRect = (Element) root.getElementsByTagName("rect").item(2);
        assertThat(labelRect.getAttribute("width")).isEqualTo(Integer.toString(labelWidth));
        assertThat(messageRect.getAttribute("width")).isEqualTo(Integer.toString(messageWidth));
        Element labelText = (Element) root.getElementsByTagName("text").item(1);
        Element messageText = (Element) root.getElementsByTagName("text").item(3);
        assertThat(labelText.getAttribute("x")).isEqualTo(labelX);
        assertThat(messageText.getAttribute("x")).isEqualTo(messageX);
    }
}
