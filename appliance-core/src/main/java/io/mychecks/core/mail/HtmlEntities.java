package io.mychecks.core.mail;

import java.util.HashMap;
import java.util.Map;

/** Decodes HTML character references ({@code &amp;}, {@code &#233;}, {@code &#xE9;}). */
final class HtmlEntities {
    /** HTML 4's Latin-1 names, in code point order from U+00A0 (nbsp) to U+00FF (yuml). */
    private static final String LATIN1 =
            "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr"
                    + " deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest"
                    + " Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml"
                    + " ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig"
                    + " agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml"
                    + " eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

    private static final Map<String, String> NAMED = new HashMap<>();

    static {
        String[] names = LATIN1.split(" ");
        for (int i = 0; i < names.length; i++) {
            NAMED.put(names[i], String.valueOf((char) (0xA0 + i)));
        }
        // a non-breaking space is a space to a keyword filter; a soft hyphen is nothing
        NAMED.put("nbsp", " ");
        NAMED.put("shy", "");
        String[][] more = {
            {"amp", "&"},
            {"lt", "<"},
            {"gt", ">"},
            {"quot", "\""},
            {"apos", "'"},
            {"euro", "\u20ac"},
            {"hellip", "\u2026"},
            {"mdash", "\u2014"},
            {"ndash", "\u2013"},
            {"lsquo", "\u2018"},
            {"rsquo", "\u2019"},
            {"sbquo", "\u201a"},
            {"ldquo", "\u201c"},
            {"rdquo", "\u201d"},
            {"bdquo", "\u201e"},
            {"bull", "\u2022"},
            {"trade", "\u2122"},
            {"dagger", "\u2020"},
            {"Dagger", "\u2021"},
            {"permil", "\u2030"},
            {"lsaquo", "\u2039"},
            {"rsaquo", "\u203a"},
            {"OElig", "\u0152"},
            {"oelig", "\u0153"},
            {"Scaron", "\u0160"},
            {"scaron", "\u0161"},
            {"Yuml", "\u0178"},
            {"fnof", "\u0192"},
            {"circ", "\u02c6"},
            {"tilde", "\u02dc"},
            {"ensp", " "},
            {"emsp", " "},
            {"thinsp", " "},
            {"zwnj", ""},
            {"zwj", ""},
            {"lrm", ""},
            {"rlm", ""},
            {"larr", "\u2190"},
            {"rarr", "\u2192"},
            {"uarr", "\u2191"},
            {"darr", "\u2193"},
            {"check", "\u2713"},
            {"cross", "\u2717"},
        };
        for (String[] pair : more) {
            NAMED.put(pair[0], pair[1]);
        }
    }

    private static final int MAX_NAME = 10;

    private HtmlEntities() {}

    /**
     * Appends the character reference starting at {@code html[at] == '&'} to {@code out} and
     * returns the index after it. Something that is not a known reference is copied as a plain
     * {@code &}. Named references need their {@code ;}; numeric ones may omit it.
     */
    static int decode(String html, int at, StringBuilder out) {
        int n = html.length();
        if (at + 1 < n && html.charAt(at + 1) == '#') {
            return numeric(html, at, out);
        }
        int end = at + 1;
        while (end < n && end - at <= MAX_NAME && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        if (end < n && html.charAt(end) == ';') {
            String value = NAMED.get(html.substring(at + 1, end));
            if (value != null) {
                out.append(value);
                return end + 1;
            }
        }
        out.append('&');
        return at + 1;
    }

    private static int numeric(String html, int at, StringBuilder out) {
        int n = html.length();
        int i = at + 2;
        boolean hex = i < n && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
        if (hex) {
            i++;
        }
        int start = i;
        while (i < n && i - start < 8 && Character.digit(html.charAt(i), hex ? 16 : 10) >= 0) {
            i++;
        }
        if (i == start) {
            out.append('&');
            return at + 1;
        }
        int code = Integer.parseInt(html.substring(start, i), hex ? 16 : 10);
        boolean valid =
                code > 0 && code <= Character.MAX_CODE_POINT && (code < 0xD800 || code > 0xDFFF);
        out.appendCodePoint(valid ? code : 0xFFFD);
        return i < n && html.charAt(i) == ';' ? i + 1 : i;
    }
}
