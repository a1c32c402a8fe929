package io.mychecks.core.mail;

/** Text made safe for one-line fields: mail headers, stored user agents. */
public final class ControlChars {
    private ControlChars() {}

    /**
     * Returns {@code value} with every control character (C0 including NUL, DEL, C1, and the
     * Unicode line and paragraph separators) replaced by a space; null stays null.
     */
    public static String toSpaces(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(control ? ' ' : c);
            }
        }
        return out == null ? value : out.toString();
    }
}
