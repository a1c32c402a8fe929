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
        subject = ControlChars.toSpaces(subject);
        Map<String, String> safe = new LinkedHashMap<>();
        headers.forEach(
                (name, value) ->
                        safe.put(ControlChars.toSpaces(name), ControlChars.toSpaces(value)));
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
}
