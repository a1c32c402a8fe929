package io.mychecks.core.mail;

import io.mychecks.core.pings.PingEvent.EmailContent;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Extracts what the keyword filters search from a raw email: the decoded Subject and the text of
 * its inline text/plain parts plus a plain-text rendering of its text/html parts.
 *
 * <p>Parsing is lenient and never throws: a part that cannot be decoded (bad base64, an unknown
 * transfer encoding, a multipart without its boundary) contributes its raw text instead, an unknown
 * charset reads as UTF-8, and a message that cannot be parsed at all gives an empty subject and
 * text. The message is read through {@link MimeTree}, within its bounds on parts, nesting and
 * bytes.
 */
final class EmailText {
    private EmailText() {}

    static EmailContent extract(byte[] raw) {
        try {
            List<MimeTree.Slice> parts = MimeTree.leaves(raw, EmailText::isAttachment);
            StringBuilder text = new StringBuilder();
            for (MimeTree.Slice part : parts) {
                collect(part, text);
            }
            return new EmailContent(subject(MimeTree.headers(raw)), text.toString().strip());
        } catch (RuntimeException e) {
            return new EmailContent("", "");
        }
    }

    /** The decoded Subject, as Jakarta Mail's {@code MimeMessage.getSubject()} decodes it. */
    private static String subject(InternetHeaders headers) {
        String subject = headers.getHeader("Subject", null);
        if (subject == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(subject);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }

    /** Appends the searchable text of {@code part}: text/plain as is, text/html rendered. */
    private static void collect(MimeTree.Slice part, StringBuilder text) {
        try {
            if (part.isMimeType("multipart/*")) {
                // no usable boundary: search the body as plain text rather than lose it
                append(text, new String(part.rawBody(), StandardCharsets.UTF_8));
            } else if (part.isMimeType("text/html")) {
                append(text, HtmlText.render(decode(part)));
            } else if (part.isMimeType("text/plain")) {
                append(text, decode(part));
            }
        } catch (RuntimeException e) {
            // a malformed part adds nothing; the other parts are still searched
        }
    }

    private static boolean isAttachment(MimeTree.Slice part) {
        String disposition = part.header("Content-Disposition");
        if (disposition == null) {
            return false;
        }
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(
                    new ContentDisposition(disposition).getDisposition());
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns the part's text: transfer encoding undone, decoded with its charset, CRLF line ends
     * made LF.
     */
    private static String decode(MimeTree.Slice slice) {
        byte[] bytes;
        try {
            MimePart part = slice.part();
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            bytes = slice.rawBody();
        }
        return new String(bytes, charset(slice)).replace("\r\n", "\n");
    }

    /**
     * Returns the charset the part names, UTF-8 when it names none (a superset of the US-ASCII the
     * RFC implies) or one this JVM does not know.
     */
    private static Charset charset(MimeTree.Slice part) {
        try {
            String type = part.header("Content-Type");
            String name = type == null ? null : new ContentType(type).getParameter("charset");
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
