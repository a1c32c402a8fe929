package io.mychecks.core.badges;

import io.mychecks.core.text.Html;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Returns the SVG image of a badge: the label on grey at the left, the status on its colour at the
 * right, each half as wide as its text (by the reference's width table) plus padding. Label text is
 * escaped for XML.
 */
public final class BadgeSvg {
    private static final int PADDING = 10;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z]+)}");
    private static final String TEMPLATE =
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="20" role="img" aria-label="{LABEL}: {MESSAGE}">
              <title>{LABEL}: {MESSAGE}</title>
              <linearGradient id="gloss" x2="0" y2="100%">
                <stop offset="0" stop-color="#bbb" stop-opacity=".1"/>
                <stop offset="1" stop-opacity=".1"/>
              </linearGradient>
              <clipPath id="corners">
                <rect width="{WIDTH}" height="20" rx="3" fill="#fff"/>
              </clipPath>
              <g clip-path="url(#corners)">
                <rect width="{LABELWIDTH}" height="20" fill="#555"/>
                <rect x="{LABELWIDTH}" width="{MESSAGEWIDTH}" height="20" fill="{COLOUR}"/>
                <rect width="{WIDTH}" height="20" fill="url(#gloss)"/>
              </g>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11">
                <text x="{LABELX}" y="15" fill="#010101" fill-opacity=".3">{LABEL}</text>
                <text x="{LABELX}" y="14">{LABEL}</text>
                <text x="{MESSAGEX}" y="15" fill="#010101" fill-opacity=".3">{MESSAGE}</text>
                <text x="{MESSAGEX}" y="14">{MESSAGE}</text>
              </g>
            </svg>
            """;

    private BadgeSvg() {}

    /** Returns the SVG document of a badge saying {@code status} next to {@code label}. */
    public static String render(String label, BadgeStatus status) {
        String message = status.wire();
        int labelWidth = BadgeTextWidths.of(label) + PADDING;
        int messageWidth = BadgeTextWidths.of(message) + PADDING;
        Map<String, String> values =
                Map.of(
                        "WIDTH", Integer.toString(labelWidth + messageWidth),
                        "LABELWIDTH", Integer.toString(labelWidth),
                        "MESSAGEWIDTH", Integer.toString(messageWidth),
                        "LABELX", half(labelWidth),
                        "MESSAGEX", half(2 * labelWidth + messageWidth),
                        "COLOUR", status.svgColour(),
                        "LABEL", escape(label),
                        "MESSAGE", escape(message));
        // one pass over the template, so placeholder-like text inside a label stays text
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder(TEMPLATE.length() + 64);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Half of {@code n} as SVG writes it: {@code 21} or {@code 21.5}. */
    private static String half(int n) {
        return n % 2 == 0 ? Integer.toString(n / 2) : (n / 2) + ".5";
    }

    /**
     * Returns {@code text} safe inside XML text and attribute values: markup characters become
     * entities, and characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) are
     * dropped.
     */
    static String escape(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !forbiddenInXml(cp)).forEach(allowed::appendCodePoint);
        return Html.escape(allowed.toString());
    }

    private static boolean forbiddenInXml(int cp) {
        return cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF;
    }
}
