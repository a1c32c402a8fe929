package io.mychecks.core.notify.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bounce (a delivery status notification, RFC 3464) says: whom it was sent to, and the
 * status and diagnostic of the failed recipient. Reads the {@code message/delivery-status} part of
 * a {@code multipart/report}; a message without one has no status.
 *
 * @param to the first address of the {@code To} header, or null
 * @param status an enhanced status code such as {@code 5.1.1}, or null when the message has none
 * @param diagnostic the {@code Diagnostic-Code} text without its type ({@code smtp;}), or the
 *     status when there is none
 */
public record BounceReport(String to, String status, String diagnostic) {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern STATUS =
            Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final Pattern DIAGNOSTIC =
            Pattern.compile(
                    "(?im)^Diagnostic-Code:\\s*(?:[a-z-]+\\s*;)?\\s*(.*(?:\\r?\\n[ \\t].*)*)");
    private static final int MAX_PARTS = 50;

    /** A permanent failure: 5.x.x, except 5.4.4 (no route to the host, often passing). */
    public boolean permanent() {
        return status != null && status.startsWith("5.") && !status.equals("5.4.4");
    }

    /** A failure that may pass: 4.x.x, and 5.4.4. */
    public boolean temporary() {
        return status != null && (status.startsWith("4.") || status.equals("5.4.4"));
    }

    /** Reads a raw bounce message; anything unreadable gives a report without status. */
    public static BounceReport parse(byte[] raw) {
        MimeMessage message;
        String to = null;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Address[] recipients = message.getRecipients(MimeMessage.RecipientType.TO);
            if (recipients != null
                    && recipients.length > 0
                    && recipients[0] instanceof InternetAddress a) {
                to = a.getAddress();
            }
        } catch (MessagingException e) {
            return new BounceReport(null, null, null);
        }
        String fields = deliveryStatus(message, new int[] {0});
        if (fields == null) {
            return new BounceReport(to, null, null);
        }
        Matcher status = STATUS.matcher(fields);
        if (!status.find()) {
            return new BounceReport(to, null, null);
        }
        Matcher diagnostic = DIAGNOSTIC.matcher(fields);
        String text =
                diagnostic.find()
                        ? diagnostic.group(1).replaceAll("\\s+", " ").strip()
                        : status.group(1);
        return new BounceReport(to, status.group(1), text.isEmpty() ? status.group(1) : text);
    }

    /** The text of the first message/delivery-status part under {@code part}, or null. */
    private static String deliveryStatus(Part part, int[] seen) {
        try {
            if (++seen[0] > MAX_PARTS) {
                return null;
            }
            if (part.isMimeType("message/delivery-status")) {
                return read(part);
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = deliveryStatus(child, seen);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException | ClassCastException e) {
            return null;
        }
    }

    /** The part's decoded text, at most 64 KB of it. */
    private static String read(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }
}
