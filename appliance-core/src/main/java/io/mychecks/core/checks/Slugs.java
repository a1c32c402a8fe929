package io.mychecks.core.checks;

import java.text.Normalizer;

/** Turns check names into slugs, the way the reference's API and ping-by-slug URLs expect them. */
public final class Slugs {
    /**
     * ASCII white space as Python's {@code \s} sees it (it counts the separators 0x1C–0x1F too).
     */
    private static final String SPACE = " \t\n\r\f\u000B\u001C\u001D\u001E\u001F";

    private Slugs() {}

    /**
     * Returns the slug of {@code text}.
     *
     * <ol>
     *   <li>Fold to ASCII: decompose (NFKD) and drop what is left outside ASCII ("Café" → "Cafe").
     *   <li>Lower-case, and drop everything but letters, digits, underscores, hyphens and white
     *       space.
     *   <li>Replace each run of white space and hyphens by one hyphen.
     *   <li>Strip hyphens and underscores from both ends.
     * </ol>
     */
    public static String slugify(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(folded.length());
        boolean inSeparator = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c - 'A' + 'a');
            }
            if (c == '-' || SPACE.indexOf(c) >= 0) {
                inSeparator = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                if (inSeparator) {
                    out.append('-');
                    inSeparator = false;
                }
                out.append(c);
            }
            // anything else (accents split off by NFKD, punctuation, non-ASCII) is dropped
            // without ending a run of separators
        }
        if (inSeparator) {
            out.append('-');
        }
        return strip(out.toString());
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isEdge(s.charAt(start))) {
            start++;
        }
        while (end > start && isEdge(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isEdge(char c) {
        return c == '-' || c == '_';
    }
}
