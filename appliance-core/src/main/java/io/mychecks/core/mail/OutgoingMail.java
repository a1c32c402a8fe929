package io.mychecks.core.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One email to send: a single recipient, a subject, a plain-text and an HTML body (sent as
 * multipart/alternative), and extra headers such as {@code List-Unsubscribe}.
 *
 * <p>The subject and header values often carry user text (a check's name); each control character
 * in them (CR and LF above all) is replaced by a space, so a name cannot add a header, and the mail
 * library's header-injection guard never refuses the mail.
 *
 * @param bounceTo the envelope sender that bounces go to, or null for DEFAULT_FROM_EMAIL
 */
public record OutgoingMail(
        String to,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        String bounceTo) {
    public OutgoingMail {
        subject = headerText(subject);
        Map<String, String> safe = new LinkedHashMap<>();
        headers.forEach((name, value) -> safe.put(headerText(name), headerText(value)));
        headers = Map.copyOf(safe);
    }

    public OutgoingMail(
            String to, String subject, String text, String html, Map<String, String> headers) {
        this(to, subject, text, html, headers, null);
    }

    /** The same mail with bounces going to {@code address}. */
    public OutgoingMail withBounceTo(String address) {
        return new OutgoingMail(to, subject, text, html, headers, address);
    }

    /**
     * Returns {@code value} fit for one header line: every control character (C0, DEL, C1, and the
     * Unicode line and paragraph separators) becomes a space; null stays null.
     */
    public static String headerText(String value) {
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
