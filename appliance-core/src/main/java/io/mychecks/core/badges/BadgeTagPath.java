package io.mychecks.core.badges;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a tag into a badge URL path and reads it back, the way the reference's URLs carry tags:
 * percent-encoded twice.
 *
 * <p>The reference first encodes every byte of the tag outside {@code A–Z a–z 0–9 _ . - ~} ({@code
 * a&b} → {@code a%26b}), then encodes the URL as a whole, which turns each {@code %} into {@code
 * %25} ({@code a%2526b}). The web server decodes the path once ({@code a%26b}); that segment must
 * match {@code [\w%~_.-]+} and is decoded once more ({@code a&b}). A tag sent encoded only once
 * ({@code a%26b} on the wire) therefore arrives as {@code a&b}, does not match, and the badge is
 * not found, as in the reference.
 */
public final class BadgeTagPath {
    private static final Pattern SEGMENT =
            Pattern.compile("[\\w%~_.-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BadgeTagPath() {}

    /** Returns the tag as it appears in a badge URL (before the {@code .<fmt>} extension). */
    public static String encode(String tag) {
        return quote(tag).replace("%", "%25");
    }

    /**
     * Returns the tag of a path segment the web server has already percent-decoded once, or empty
     * when the segment does not match {@code [\w%~_.-]+}.
     */
    public static Optional<String> decode(String decodedOnce) {
        if (decodedOnce == null || !SEGMENT.matcher(decodedOnce).matches()) {
            return Optional.empty();
        }
        return Optional.of(unquote(decodedOnce));
    }

    /**
     * Percent-encodes every UTF-8 byte except unreserved ASCII letters, digits and {@code _.-~}.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '-'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes {@code %XX} sequences to bytes and the bytes as UTF-8. A {@code %} not followed by
     * two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD (lenient, so a bad
     * URL is simply a tag no check has).
     */
    static String unquote(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(
                        new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
