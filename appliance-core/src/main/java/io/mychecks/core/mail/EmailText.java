package io.mychecks.core.mail;

import io.mychecks.core.pings.PingEvent.EmailContent;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Extracts what the keyword filters search from a raw email: the decoded Subject and the text of
 * its inline text/plain parts plus a plain-text rendering of its text/html parts.
 *
 * <p>Parsing is lenient and never throws: a part that cannot be decoded (bad base64, an unknown
 * transfer encoding, a multipart without its boundary) contributes its raw text instead, an unknown
 * charset reads as UTF-8, and a message that cannot be parsed at all gives an empty subject and
 * text.
 */
final class EmailText {
    /** Deeper nesting than this is not searched (a crafted message cannot recurse for ever). */
    private static final int MAX_DEPTH = 16;

    private static final Session SESSION = Session.getInstance(sessionProperties());

    private EmailText() {}

    private static Properties sessionProperties() {
        Properties p = new Properties();
        // raw UTF-8 in headers (RFC 6532) is common from scripts; read it as UTF-8, not Latin-1
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    static EmailContent extract(byte[] raw) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            return new EmailContent("", "");
        }
        StringBuilder text = new StringBuilder();
        collect(message, text, 0);
        return new EmailContent(subject(message), text.toString().strip());
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** Appends the searchable text of {@code part}: text/plain as is, text/html rendered. */
    private static void collect(MimePart part, StringBuilder text, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        try {
            if (depth > 0 && isAttachment(part)) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                collectMultipart(part, text, depth);
            } else if (part.isMimeType("text/html")) {
                append(text, HtmlText.render(decode(part)));
            } else if (part.isMimeType("text/plain")) {
                append(text, decode(part));
            }
        } catch (MessagingException | RuntimeException e) {
            // a malformed part adds nothing; the other parts are still searched
        }
    }

    private static void collectMultipart(MimePart part, StringBuilder text, int depth)
            throws MessagingException {
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
        int count;
        try {
            count = multipart.getCount();
        } catch (MessagingException e) {
            // no usable boundary: search the body as plain text rather than lose it
            append(text, new String(rawBytes(part), StandardCharsets.UTF_8));
            return;
        }
        for (int i = 0; i < count; i++) {
            if (multipart.getBodyPart(i) instanceof MimeBodyPart child) {
                collect(child, text, depth + 1);
            }
        }
    }

    private static boolean isAttachment(MimePart part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException e) {
            return false;
        }
    }

    /**
     * Returns the part's text: transfer encoding undone, decoded with its charset, CRLF line ends
     * made LF.
     */
    private static String decode(MimePart part) {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            bytes = rawBytes(part);
        }
        return new String(bytes, charset(part)).replace("\r\n", "\n");
    }

    private static byte[] rawBytes(MimePart part) {
        try (InputStream in =
                part instanceof MimeMessage m
                        ? m.getRawInputStream()
                        : ((MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            return new byte[0];
        }
    }

    /**
     * Returns the charset the part names, UTF-8 when it names none (a superset of the US-ASCII the
     * RFC implies) or one this JVM does not know.
     */
    private static Charset charset(MimePart part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name == null || name.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void append(StringBuilder text, String more) {
        if (more.isBlank()) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(more);
    }
}
