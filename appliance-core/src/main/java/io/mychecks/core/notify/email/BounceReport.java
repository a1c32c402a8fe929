package io.mychecks.core.notify.email;

import io.mychecks.core.mail.MimeTree;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a bounce (a delivery status notification, RFC 3464) says: whom it was sent to, and the
 * status and diagnostic of the failed recipient. Reads the {@code message/delivery-status} part of
 * a {@code multipart/report}; a message without one has no status.
 *
 * <p>The message is read through {@link MimeTree} (bounded parts, nesting and bytes), and its
 * fields by loops, not regular expressions: a diagnostic folded over thousands of lines once
 * overflowed the stack of a recursive pattern.
 *
 * @param to the first address of the {@code To} header, or null
 * @param status an enhanced status code such as {@code 5.1.1}, or null when the message has none
 * @param diagnostic the {@code Diagnostic-Code} text without its type ({@code smtp;}), or the
 *     status when there is none
 */
public record BounceReport(String to, String status, String diagnostic) {
    /** Bytes of the delivery-status part read. */
    private static final int MAX_FIELDS_BYTES = 64 * 1024;

    /** A permanent failure: 5.x.x, except 5.4.4 (no route to the host, often passing). */
    public boolean permanent() {
        return status != null && status.startsWith("5.") && !status.equals("5.4.4");
    }

    /** A failure that may pass: 4.x.x, and 5.4.4. */
    public boolean temporary() {
        return status != null && (status.startsWith("4.") || status.equals("5.4.4"));
    }

    /**
     * The first address of the message's {@code To} header, or null; reads the headers only, so
     * that an unsigned message costs no more than that.
     */
    public static String recipient(byte[] raw) {
        String header = MimeTree.headers(raw).getHeader("To", ",");
        if (header == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0 ? null : addresses[0].getAddress();
        } catch (AddressException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a raw bounce message; anything unreadable gives a report without status. */
    public static BounceReport parse(byte[] raw) {
        String to = recipient(raw);
        String fields = deliveryStatus(raw);
        if (fields == null) {
            return new BounceReport(to, null, null);
        }
        String[] unfolded = unfold(fields);
        String status = null;
        String diagnostic = null;
        for (String field : unfolded) {
            if (status == null) {
                status = statusCode(value(field, "status"));
            }
            if (diagnostic == null) {
                diagnostic = diagnosticText(value(field, "diagnostic-code"));
            }
        }
        if (status == null) {
            return new BounceReport(to, null, null);
        }
        return new BounceReport(
                to, status, diagnostic == null || diagnostic.isEmpty() ? status : diagnostic);
    }

    /** The text of the first message/delivery-status part, or null. */
    private static String deliveryStatus(byte[] raw) {
        for (MimeTree.Slice part : MimeTree.leaves(raw, p -> false)) {
            if (part.isMimeType("message/delivery-status")) {
                try (InputStream in = part.part().getInputStream()) {
                    return new String(in.readNBytes(MAX_FIELDS_BYTES), StandardCharsets.UTF_8);
                } catch (IOException | MessagingException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The fields, one a line: a line starting with a space or tab continues the previous. */
    static String[] unfold(String text) {
        String[] lines = text.split("\n", -1);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t') && current != null) {
                current.append(' ').append(l);
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(l);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields.toArray(new String[0]);
    }

    /** The value of {@code field} if its name is {@code name} (any case), else null. */
    private static String value(String field, String name) {
        int colon = field.indexOf(':');
        if (colon != name.length()
                || !field.substring(0, colon).toLowerCase(Locale.ROOT).equals(name)) {
            return null;
        }
        return field.substring(colon + 1).strip();
    }

    /**
     * The {@code d.ddd.ddd} status code at the start of {@code value} (class 2, 4 or 5), or null.
     */
    static String statusCode(String value) {
        if (value == null || value.isEmpty() || "245".indexOf(value.charAt(0)) < 0) {
            return null;
        }
        int i = 1;
        for (int group = 0; group < 2; group++) {
            if (i >= value.length() || value.charAt(i) != '.') {
                return null;
            }
            int digits = 0;
            i++;
            while (i < value.length() && Character.isDigit(value.charAt(i)) && digits < 4) {
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3) {
                return null;
            }
        }
        if (i < value.length()) {
            char next = value.charAt(i);
            if (Character.isLetterOrDigit(next) || next == '_') {
                return null;
            }
        }
        return value.substring(0, i);
    }

    /** The diagnostic without its type ({@code smtp;}), whitespace collapsed; null if absent. */
    static String diagnosticText(String value) {
        if (value == null) {
            return null;
        }
        String text = value;
        int semicolon = text.indexOf(';');
        if (semicolon > 0 && isType(text.substring(0, semicolon).strip())) {
            text = text.substring(semicolon + 1);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean isType(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                return false;
            }
        }
        return true;
    }
}
