package io.mychecks.core.mail;

import java.util.Map;

/**
 * One email to send: a single recipient, a subject, a plain-text and an HTML body (sent as
 * multipart/alternative), and extra headers such as {@code List-Unsubscribe}.
 */
public record OutgoingMail(
        String to, String subject, String text, String html, Map<String, String> headers) {
    public OutgoingMail {
        headers = Map.copyOf(headers);
    }
}
