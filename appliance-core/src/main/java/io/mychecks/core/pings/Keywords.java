package io.mychecks.core.pings;

/**
 * Keyword matching as the reference does it: comma-separated, trimmed, case-sensitive substrings.
 */
public final class Keywords {
    private Keywords() {}

    /**
     * Returns true if any keyword of the comma-separated {@code keywords} occurs in {@code text}.
     */
    public static boolean matches(String text, String keywords) {
        if (text == null || keywords == null || keywords.isEmpty()) {
            return false;
        }
        for (String kw : keywords.split(",")) {
            String k = kw.strip();
            if (!k.isEmpty() && text.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
