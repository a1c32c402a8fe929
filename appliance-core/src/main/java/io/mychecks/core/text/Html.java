package io.mychecks.core.text;

/**
 * The one HTML (and XML) escaper: text made safe for element content and for single- or
 * double-quoted attribute values.
 */
public final class Html {
    private Html() {}

    /**
     * Returns {@code s} with {@code & < > " '} replaced by {@code &amp; &lt; &gt; &quot; &#x27;};
     * every other character, non-ASCII included, is kept as it is. Null becomes "".
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
