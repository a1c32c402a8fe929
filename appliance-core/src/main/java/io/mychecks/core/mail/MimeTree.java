package io.mychecks.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the structure of a raw MIME message within fixed bounds, so that a crafted message (350,000
 * empty parts, parts nested a thousand deep, a megabyte of headers) costs little: at most {@link
 * #MAX_PARTS} parts are read, {@link #MAX_DEPTH} levels deep, {@link #MAX_HEADER_BYTES} of each
 * part's headers and {@link #MAX_BYTES} of the message. Past a bound the rest is left unread, as
 * opaque bytes.
 *
 * <p>Multiparts are split here by scanning for their boundary lines in the one byte array (no copy
 * per level, no recursion per part), where Jakarta Mail's {@code MimeMultipart} would read every
 * part of the message at once. Only a part that is asked for its content ({@link Slice#part()}) is
 * copied and handed to Jakarta Mail for its transfer encoding.
 */
public final class MimeTree {
    /** Parts read in the whole message, the message itself and multiparts included. */
    public static final int MAX_PARTS = 100;

    /** Levels of multipart nesting read; the message itself is level 0. */
    public static final int MAX_DEPTH = 10;

    /** Bytes of one part's header block read; more header lines are ignored. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    /** Bytes of the message considered; the rest is ignored. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private MimeTree() {}

    /**
     * One part of the message: its headers and where its body lies in the raw bytes.
     *
     * @param depth 0 for the message itself, 1 for its parts, and so on
     */
    public record Slice(InternetHeaders headers, byte[] raw, int start, int end, int depth) {
        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.getHeader(name, null);
        }

        /** Whether the Content-Type matches {@code pattern} ({@code text/plain} when absent). */
        public boolean isMimeType(String pattern) {
            String type = header("Content-Type");
            try {
                return new ContentType(type == null ? "text/plain" : type).match(pattern);
            } catch (MessagingException | RuntimeException e) {
                return false;
            }
        }

        /** The body as it is in the message, transfer encoding not undone. */
        public byte[] rawBody() {
            return Arrays.copyOfRange(raw, start, end);
        }

        /** This part for Jakarta Mail, to decode its transfer encoding and read its headers. */
        public MimeBodyPart part() throws MessagingException {
            return new MimeBodyPart(headers, rawBody());
        }
    }

    /** The message's own headers (at most {@link #MAX_HEADER_BYTES} of them). */
    public static InternetHeaders headers(byte[] raw) {
        return slice(raw, 0, Math.min(raw.length, MAX_BYTES), 0).headers();
    }

    /**
     * Returns the parts that are not multiparts, depth first in message order, within the bounds. A
     * multipart without a usable boundary counts as a part of its own. {@code skip} leaves out a
     * part and everything under it (the message itself is never skipped).
     */
    public static List<Slice> leaves(byte[] raw, Predicate<Slice> skip) {
        List<Slice> out = new ArrayList<>();
        int[] budget = {MAX_PARTS - 1};
        collect(slice(raw, 0, Math.min(raw.length, MAX_BYTES), 0), skip, out, budget);
        return out;
    }

    private static void collect(Slice s, Predicate<Slice> skip, List<Slice> out, int[] budget) {
        if (s.depth() > 0 && skip.test(s)) {
            return;
        }
        String boundary = s.isMimeType("multipart/*") ? boundary(s) : null;
        if (boundary == null) {
            out.add(s);
            return;
        }
        if (s.depth() >= MAX_DEPTH || budget[0] <= 0) {
            return; // past a bound: left unread
        }
        List<int[]> children = split(s, boundary, budget);
        if (children == null) {
            out.add(s);
            return;
        }
        for (int[] c : children) {
            collect(slice(s.raw(), c[0], c[1], s.depth() + 1), skip, out, budget);
        }
    }

    private static String boundary(Slice s) {
        try {
            String b = new ContentType(s.header("Content-Type")).getParameter("boundary");
            return b == null || b.isEmpty() ? null : b;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the byte ranges of the multipart's parts, at most as many as {@code budget} still
     * allows (taken from it), or null when no boundary line is found.
     */
    private static List<int[]> split(Slice s, String boundary, int[] budget) {
        byte[] raw = s.raw();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        boolean found = false;
        int pos = s.start();
        while (pos < s.end()) {
            int lineEnd = indexOf(raw, (byte) '\n', pos, s.end());
            int next = lineEnd < 0 ? s.end() : lineEnd + 1;
            int kind = delimiterKind(raw, pos, lineEnd < 0 ? s.end() : lineEnd, delimiter);
            if (kind != 0) {
                found = true;
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, lineBreakBefore(raw, partStart, pos)});
                    budget[0]--;
                }
                if (kind == 2 || budget[0] <= 0) {
                    return parts;
                }
                partStart = next;
            }
            pos = next;
        }
        if (!found) {
            return null;
        }
        if (partStart >= 0 && partStart < s.end() && budget[0] > 0) {
            // no closing delimiter: the last part runs to the end, as Jakarta Mail reads it
            parts.add(new int[] {partStart, s.end()});
            budget[0]--;
        }
        return parts;
    }

    /** 1 for a delimiter line, 2 for the closing one ({@code --boundary--}), 0 for other lines. */
    private static int delimiterKind(byte[] raw, int from, int to, byte[] delimiter) {
        if (to - from < delimiter.length
                || !Arrays.equals(
                        raw, from, from + delimiter.length, delimiter, 0, delimiter.length)) {
            return 0;
        }
        int i = from + delimiter.length;
        int kind = 1;
        if (i + 2 <= to && raw[i] == '-' && raw[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        for (; i < to; i++) {
            if (raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r') {
                return 0;
            }
        }
        return kind;
    }

    /** The end of a part: before the line break that precedes the delimiter at {@code at}. */
    private static int lineBreakBefore(byte[] raw, int partStart, int at) {
        int end = at;
        if (end > partStart && raw[end - 1] == '\n') {
            end--;
            if (end > partStart && raw[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    /** Reads the header block at {@code start} (up to the first empty line) and finds the body. */
    static Slice slice(byte[] raw, int start, int end, int depth) {
        int pos = start;
        int bodyStart = end;
        while (pos < end) {
            int lineEnd = indexOf(raw, (byte) '\n', pos, end);
            int lineStop = lineEnd < 0 ? end : lineEnd;
            boolean empty = lineStop == pos || (lineStop == pos + 1 && raw[pos] == '\r');
            if (empty) {
                bodyStart = lineEnd < 0 ? end : lineEnd + 1;
                break;
            }
            pos = lineEnd < 0 ? end : lineEnd + 1;
        }
        int headerEnd = Math.min(pos, start + MAX_HEADER_BYTES);
        if (headerEnd < pos) {
            // cut at the last whole line within the bound
            int lastBreak = lastIndexOf(raw, (byte) '\n', start, headerEnd);
            headerEnd = lastBreak < 0 ? start : lastBreak + 1;
        }
        InternetHeaders headers;
        try {
            headers =
                    new InternetHeaders(
                            new ByteArrayInputStream(raw, start, headerEnd - start), true);
        } catch (MessagingException | RuntimeException e) {
            headers = new InternetHeaders();
        }
        return new Slice(headers, raw, bodyStart, end, depth);
    }

    private static int indexOf(byte[] raw, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] raw, byte b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (raw[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
