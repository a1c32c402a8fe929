package io.mychecks.core.mail;

import java.util.Map;

/**
 * One email to send: a single recipient, a subject, a plain-text and an HTML body (sent as
 * multipart/alternative), and extra headers such as {@code List-Unsubscribe}.
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
        headers = Map.copyOf(headers);
    }

    public OutgoingMail(
            String to, String subject, String text, String html, Map<String, String> headers) {
        this(to, subject, text, html, headers, null);
    }

    /** The same mail with bounces going to {@code address}. */
    public OutgoingMail withBounceTo(String address) {
        return new OutgoingMail(to, subject, text, html, headers, address);
    }
}
