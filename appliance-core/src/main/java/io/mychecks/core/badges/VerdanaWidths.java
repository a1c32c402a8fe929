package io.mychecks.core.badges;

/**
 * Returns how wide text is drawn in 11-pixel Verdana, the badge font, so the SVG can size its two
 * halves without a font renderer. Printable ASCII has one width each (the font's advance width in
 * 1/2048 em, scaled to 11 px and rounded to 1/100 px); anything else gets a typical width, and wide
 * East Asian characters a full em.
 */
final class VerdanaWidths {
    private static final double[] ASCII = {
        3.87, 4.35, 5.06, 9.01, 7.00, 11.88, 8.00, 2.95, //  !"#$%&'
        5.00, 5.00, 7.00, 9.01, 4.00, 4.63, 4.00, 6.51, // ()*+,-./
        7.00, 7.00, 7.00, 7.00, 7.00, 7.00, 7.00, 7.00, // 01234567
        7.00, 7.00, 5.00, 5.00, 9.01, 9.01, 9.01, 6.00, // 89:;<=>?
        11.00, 7.52, 7.55, 7.68, 8.47, 6.95, 6.33, 8.52, // @ABCDEFG
        8.27, 4.63, 4.96, 7.59, 6.15, 9.25, 8.25, 8.72, // HIJKLMNO
        6.80, 8.72, 7.83, 7.51, 6.74, 8.07, 7.52, 10.90, // PQRSTUVW
        7.55, 6.74, 7.51, 5.00, 6.51, 5.00, 9.01, 7.00, // XYZ[\]^_
        7.00, 6.60, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, // `abcdefg
        6.96, 3.02, 3.63, 6.41, 3.02, 10.70, 6.96, 6.68, // hijklmno
        6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.41, 9.03, // pqrstuvw
        6.41, 6.41, 5.75, 6.98, 5.00, 6.98, 9.01, // xyz{|}~
    };
    private static final double OTHER = 7.0;
    private static final double WIDE = 11.0;

    private VerdanaWidths() {}

    /** Returns the drawn width of {@code text} in pixels. */
    static double of(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += ofCodePoint(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    static double ofCodePoint(int cp) {
        if (cp >= ' ' && cp <= '~') {
            return ASCII[cp - ' '];
        }
        if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.isISOControl(cp)) {
            return 0;
        }
        // CJK ideographs, kana, hangul and full-width forms take a whole em
        if ((cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || cp >= 0x1F300) {
            return WIDE;
        }
        return OTHER;
    }
}
