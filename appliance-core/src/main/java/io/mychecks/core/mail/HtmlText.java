package io.mychecks.core.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Renders an HTML email body as plain text for the keyword filters: tags and comments are dropped
 * (with the contents of script, style, head and title), block elements become line breaks,
 * character references are decoded and whitespace collapses as a browser shows it (except inside
 * {@code <pre>}). It never throws, whatever the input.
 */
final class HtmlText {
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");
    private static final Set<String> BLOCKS =
            Set.of(
                    "br",
                    "p",
                    "div",
                    "tr",
                    "li",
                    "ul",
                    "ol",
                    "table",
                    "blockquote",
                    "pre",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "section",
                    "article",
                    "header",
                    "footer",
                    "dl",
                    "dt",
                    "dd");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final int MAX_QUOTED = 4096;

    private HtmlText() {}

    static String render(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        int pre = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (c == '<' && startsTag(html, i)) {
                int end = tagEnd(html, i);
                String name = tagName(html, i, end);
                boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
                i = end;
                if (!closing && SKIPPED.contains(name) && !selfClosed(html, end)) {
                    i = afterClosingTag(html, i, name);
                } else if (name.equals("pre")) {
                    pre = Math.max(0, pre + (closing ? -1 : 1));
                }
                if (BLOCKS.contains(name)) {
                    out.append('\n');
                } else if (CELLS.contains(name)) {
                    appendSpace(out);
                }
            } else if (c == '&') {
                i = HtmlEntities.decode(html, i, out);
            } else if (pre == 0 && Character.isWhitespace(c)) {
                appendSpace(out);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return tidy(out);
    }

    /** A {@code <} opens a tag only before a letter, {@code /}, {@code !} or {@code ?}. */
    private static boolean startsTag(String html, int at) {
        if (at + 1 >= html.length()) {
            return false;
        }
        char next = html.charAt(at + 1);
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /**
     * Returns the index after the tag's {@code >}, honouring quoted attribute values up to {@link
     * #MAX_QUOTED} characters (so a stray quote cannot make rendering quadratic).
     */
    private static int tagEnd(String html, int at) {
        char quote = 0;
        int quoteStart = 0;
        for (int i = at + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (i - quoteStart > MAX_QUOTED) {
                    break;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteStart = i;
            } else if (c == '>') {
                return i + 1;
            }
        }
        // an unbalanced quote: fall back to the first '>', else the tag runs to the end
        int plain = html.indexOf('>', at);
        return plain < 0 ? html.length() : plain + 1;
    }

    private static String tagName(String html, int at, int end) {
        int i = at + 1;
        if (i < end && html.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static boolean selfClosed(String html, int end) {
        return end >= 2 && html.charAt(end - 1) == '>' && html.charAt(end - 2) == '/';
    }

    /** Returns the index after {@code </name ...>}, or the end of the text when it is missing. */
    private static int afterClosingTag(String html, int from, String name) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (html.regionMatches(true, i + 2, name, 0, name.length())) {
                int gt = html.indexOf('>', i);
                return gt < 0 ? html.length() : gt + 1;
            }
        }
        return html.length();
    }

    private static void appendSpace(StringBuilder out) {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ' && out.charAt(len - 1) != '\n') {
            out.append(' ');
        }
    }

    /** Trims each line and drops empty ones. */
    private static String tidy(StringBuilder raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.toString().split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(t);
            }
        }
        return out.toString();
    }
}
