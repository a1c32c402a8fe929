package io.mychecks.core.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
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
        assertThat(svg).contains("a&amp;b&lt;c&gt;&quot;d&#39;").doesNotContain("a&b");
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
        assertThat(wideWidth - narrowWidth).isEqualTo((int) Math.round(8 * 10.90) - 3);
        Element labelRect = (Element) wide.getElementsByTagName("rect").item(1);
        Element messageRect = (Element) wide.getElementsByTagName("rect").item(2);
        assertThat(
                        Integer.parseInt(labelRect.getAttribute("width"))
                                + Integer.parseInt(messageRect.getAttribute("width")))
                .isEqualTo(wideWidth);
        assertThat(messageRect.getAttribute("x")).isEqualTo(labelRect.getAttribute("width"));
    }

    @Test
    void verdanaWidthsFollowTheGlyphs() {
        assertThat(VerdanaWidths.of("")).isZero();
        assertThat(VerdanaWidths.of("m")).isGreaterThan(VerdanaWidths.of("i"));
        assertThat(VerdanaWidths.of("up")).isEqualTo(6.96 + 6.85);
        assertThat(VerdanaWidths.of("日本")).isEqualTo(22.0);
        assertThat(VerdanaWidths.of("é")).isEqualTo(7.0);
    }
}
