package io.mychecks.desktop.common;

/** Escapes text for the little HTML the console sends (the test email). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
