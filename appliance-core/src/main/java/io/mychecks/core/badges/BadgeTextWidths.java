package io.mychecks.core.badges;

/**
 * Returns how many pixels the reference allots to badge text: a whole number per character from a
 * fixed table (letters, digits, {@code -} and {@code _}), 7 for every other character, counted per
 * Unicode code point. Badges of the same label are then exactly as wide as the reference's.
 */
final class BadgeTextWidths {
    /** Widths of a to z. */
    private static final int[] LOWER = {
        7, 7, 6, 7, 6, 4, 7, 7, 3, 3, 7, 3, 10, 7, 7, 7, 7, 4, 6, 5, 7, 7, 9, 6, 7, 7
    };

    /** Widths of A to Z. */
    private static final int[] UPPER = {
        8, 7, 8, 8, 7, 6, 9, 8, 3, 4, 7, 6, 10, 8, 9, 6, 9, 7, 7, 7, 8, 8, 11, 7, 7, 7
    };

    /** Widths of 0 to 9. */
    private static final int[] DIGITS = {7, 6, 7, 7, 7, 7, 7, 7, 7, 7};

    private static final int HYPHEN = 4;
    private static final int UNDERSCORE = 6;
    private static final int OTHER = 7;

    private BadgeTextWidths() {}

    /** Returns the width of {@code text} in pixels. */
    static int of(String text) {
        return text.codePoints().map(BadgeTextWidths::ofCodePoint).sum();
    }

    static int ofCodePoint(int cp) {
        if (cp >= 'a' && cp <= 'z') {
            return LOWER[cp - 'a'];
        }
        if (cp >= 'A' && cp <= 'Z') {
            return UPPER[cp - 'A'];
        }
        if (cp >= '0' && cp <= '9') {
            return DIGITS[cp - '0'];
        }
        if (cp == '-') {
            return HYPHEN;
        }
        return cp == '_' ? UNDERSCORE : OTHER;
    }
}
