package io.mychecks.core.checks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.settings.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A check as the Management API shows it (and the webhook {@code $JSON} placeholder sends): the
 * reference's keys, in its order, for API version 1, 2 or 3. A read-only key sees {@code
 * unique_key} instead of the UUID and URLs.
 *
 * <p>The checks list writes a thousand of these per request, so a {@link Writer} does the work that
 * is the same for every check once (URL prefixes, pre-encoded keys) and formats timestamps without
 * a formatter.
 */
public final class CheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Times outside years 0–9999, which the fast path does not write. */
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private static final SerializableString NAME = key("name");
    private static final SerializableString SLUG = key("slug");
    private static final SerializableString TAGS = key("tags");
    private static final SerializableString DESC = key("desc");
    private static final SerializableString GRACE = key("grace");
    private static final SerializableString N_PINGS = key("n_pings");
    private static final SerializableString STATUS = key("status");
    private static final SerializableString STARTED = key("started");
    private static final SerializableString LAST_PING = key("last_ping");
    private static final SerializableString NEXT_PING = key("next_ping");
    private static final SerializableString MANUAL_RESUME = key("manual_resume");
    private static final SerializableString METHODS = key("methods");
    private static final SerializableString SUBJECT = key("subject");
    private static final SerializableString SUBJECT_FAIL = key("subject_fail");
    private static final SerializableString START_KW = key("start_kw");
    private static final SerializableString SUCCESS_KW = key("success_kw");
    private static final SerializableString FAILURE_KW = key("failure_kw");
    private static final SerializableString FILTER_SUBJECT = key("filter_subject");
    private static final SerializableString FILTER_BODY = key("filter_body");
    private static final SerializableString FILTER_HTTP_BODY = key("filter_http_body");
    private static final SerializableString FILTER_DEFAULT_FAIL = key("filter_default_fail");
    private static final SerializableString BADGE_URL = key("badge_url");
    private static final SerializableString LAST_DURATION = key("last_duration");
    private static final SerializableString UNIQUE_KEY = key("unique_key");
    private static final SerializableString UUID_KEY = key("uuid");
    private static final SerializableString PING_URL = key("ping_url");
    private static final SerializableString UPDATE_URL = key("update_url");
    private static final SerializableString PAUSE_URL = key("pause_url");
    private static final SerializableString RESUME_URL = key("resume_url");
    private static final SerializableString CHANNELS = key("channels");
    private static final SerializableString TIMEOUT = key("timeout");
    private static final SerializableString SCHEDULE = key("schedule");
    private static final SerializableString TZ = key("tz");

    private static final byte[] NONE = {};
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final byte[] SVG = ascii(".svg");
    private static final byte[] PAUSE = ascii("/pause");
    private static final byte[] RESUME = ascii("/resume");
    private static final Prefix EMPTY = new Prefix("");

    private CheckJson() {}

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of many URLs, as text and as bytes; verbatim when it needs no JSON escape. */
    private static final class Prefix {
        final String text;
        final byte[] bytes;
        final boolean verbatim;

        Prefix(String text) {
            this.text = text;
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
            this.verbatim = Writer.isPlainAscii(text);
        }
    }

    private static SerializableString key(String name) {
        return new SerializedString(name);
    }

    /**
     * Returns the JSON object of {@code check} at {@code now}.
     *
     * @param channelCodes the codes of the check's channels (read-write view only)
     */
    public static ObjectNode render(
            Check check,
            int version,
            boolean readOnly,
            List<UUID> channelCodes,
            Settings settings,
            Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            write(g, check, version, readOnly, channelCodes, settings, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (ObjectNode) MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the JSON object of {@code check} at {@code now} to {@code g}: what {@link #render}
     * returns, field by field (the generator must write bytes: it is given raw UTF-8 strings). For
     * many checks, make one {@link #writer} and reuse it.
     */
    public static void write(
            JsonGenerator g,
            Check check,
            int version,
            boolean readOnly,
            List<UUID> channelCodes,
            Settings settings,
            Instant now)
            throws IOException {
        writer(version, readOnly, settings, now).write(g, check, channelCodes);
    }

    /** A writer of many checks for one answer: API version, key kind and time are fixed. */
    public static Writer writer(int version, boolean readOnly, Settings settings, Instant now) {
        return new Writer(version, readOnly, settings, now);
    }

    /** Writes checks for one answer; not thread-safe (it reuses a scratch buffer). */
    public static final class Writer {
        private final int version;
        private final boolean readOnly;
        private final Instant now;
        private final Prefix badgePrefix;
        private final Prefix pingPrefix;
        private final Prefix apiPrefix;
        private byte[] bytes = new byte[512];
        private final byte[] codeText = new byte[36];
        private UUID codeTextOf;

        private Writer(int version, boolean readOnly, Settings settings, Instant now) {
            this.version = version;
            this.readOnly = readOnly;
            this.now = now;
            String root = settings.siteRoot();
            this.badgePrefix = new Prefix(root + "/b/2/");
            this.pingPrefix = new Prefix(settings.pingEndpoint());
            this.apiPrefix = new Prefix(root + "/api/v" + version + "/checks/");
        }

        /** Writes the JSON object of {@code check}. */
        public void write(JsonGenerator g, Check check, List<UUID> channelCodes)
                throws IOException {
            CheckConfig c = check.config();
            CheckState s = check.state();
            g.writeStartObject();
            g.writeFieldName(NAME);
            g.writeString(c.name());
            g.writeFieldName(SLUG);
            g.writeString(c.slug());
            g.writeFieldName(TAGS);
            g.writeString(c.tags());
            g.writeFieldName(DESC);
            g.writeString(c.desc());
            g.writeFieldName(GRACE);
            g.writeNumber(c.grace());
            g.writeFieldName(N_PINGS);
            g.writeNumber(s.nPings());
            g.writeFieldName(STATUS);
            g.writeString(StatusCalculator.status(check, now, version == 1).wire());
            g.writeFieldName(STARTED);
            g.writeBoolean(s.lastStart() != null);
            g.writeFieldName(LAST_PING);
            writeTime(g, s.lastPing());
            g.writeFieldName(NEXT_PING);
            writeTime(g, StatusCalculator.graceStart(check, true).orElse(null));
            g.writeFieldName(MANUAL_RESUME);
            g.writeBoolean(c.manualResume());
            g.writeFieldName(METHODS);
            g.writeString(c.methods());
            g.writeFieldName(SUBJECT);
            g.writeString(c.filterSubject() ? c.successKw() : "");
            g.writeFieldName(SUBJECT_FAIL);
            g.writeString(c.filterSubject() ? c.failureKw() : "");
            g.writeFieldName(START_KW);
            g.writeString(c.startKw());
            g.writeFieldName(SUCCESS_KW);
            g.writeString(c.successKw());
            g.writeFieldName(FAILURE_KW);
            g.writeString(c.failureKw());
            g.writeFieldName(FILTER_SUBJECT);
            g.writeBoolean(c.filterSubject());
            g.writeFieldName(FILTER_BODY);
            g.writeBoolean(c.filterBody());
            g.writeFieldName(FILTER_HTTP_BODY);
            g.writeBoolean(c.filterHttpBody());
            g.writeFieldName(FILTER_DEFAULT_FAIL);
            g.writeBoolean(c.filterDefaultFail());
            g.writeFieldName(BADGE_URL);
            writeJoined(g, badgePrefix, check.badgeKey(), SVG);
            if (s.lastDurationMs() != null && s.lastDurationMs() > 0) {
                g.writeFieldName(LAST_DURATION);
                g.writeNumber(s.lastDurationMs() / 1000);
            }
            if (readOnly) {
                g.writeFieldName(UNIQUE_KEY);
                g.writeString(check.uniqueKey());
            } else {
                UUID code = check.code();
                g.writeFieldName(UUID_KEY);
                writeCode(g, EMPTY, code, NONE);
                g.writeFieldName(PING_URL);
                writeCode(g, pingPrefix, code, NONE);
                g.writeFieldName(UPDATE_URL);
                writeCode(g, apiPrefix, code, NONE);
                g.writeFieldName(PAUSE_URL);
                writeCode(g, apiPrefix, code, PAUSE);
                g.writeFieldName(RESUME_URL);
                writeCode(g, apiPrefix, code, RESUME);
                g.writeFieldName(CHANNELS);
                g.writeString(channels(channelCodes));
            }
            if ("simple".equals(c.kind())) {
                g.writeFieldName(TIMEOUT);
                g.writeNumber(c.timeout());
            } else {
                g.writeFieldName(SCHEDULE);
                g.writeString(c.schedule());
                g.writeFieldName(TZ);
                g.writeString(c.tz());
            }
            g.writeEndObject();
        }

        /**
         * Writes prefix + middle + suffix as one string value without building the string: as bytes
         * copied verbatim when none of the three needs escaping (URLs and UUIDs), else escaped by
         * the generator.
         */
        private void writeJoined(JsonGenerator g, Prefix prefix, String middle, byte[] suffix)
                throws IOException {
            int len = prefix.bytes.length + middle.length() + suffix.length;
            if (prefix.verbatim && isPlainAscii(middle)) {
                if (bytes.length < len) {
                    bytes = new byte[len * 2];
                }
                System.arraycopy(prefix.bytes, 0, bytes, 0, prefix.bytes.length);
                int at = prefix.bytes.length;
                for (int i = 0; i < middle.length(); i++) {
                    bytes[at++] = (byte) middle.charAt(i);
                }
                System.arraycopy(suffix, 0, bytes, at, suffix.length);
                g.writeRawUTF8String(bytes, 0, len);
                return;
            }
            g.writeString(prefix.text + middle + new String(suffix, StandardCharsets.US_ASCII));
        }

        /** Writes prefix + the code's 36 characters + suffix as one string value. */
        private void writeCode(JsonGenerator g, Prefix prefix, UUID code, byte[] suffix)
                throws IOException {
            if (!prefix.verbatim) {
                writeJoined(g, prefix, code.toString(), suffix);
                return;
            }
            int len = prefix.bytes.length + 36 + suffix.length;
            if (bytes.length < len) {
                bytes = new byte[len * 2];
            }
            System.arraycopy(prefix.bytes, 0, bytes, 0, prefix.bytes.length);
            int at = prefix.bytes.length;
            System.arraycopy(codeText(code), 0, bytes, at, 36);
            System.arraycopy(suffix, 0, bytes, at + 36, suffix.length);
            g.writeRawUTF8String(bytes, 0, len);
        }

        /** The code's 36 characters, computed once per check (it appears in five values). */
        private byte[] codeText(UUID code) {
            if (code != codeTextOf) {
                long hi = code.getMostSignificantBits();
                long lo = code.getLeastSignificantBits();
                byte[] b = codeText;
                hex(b, 0, hi >>> 32, 8);
                b[8] = '-';
                hex(b, 9, hi >>> 16, 4);
                b[13] = '-';
                hex(b, 14, hi, 4);
                b[18] = '-';
                hex(b, 19, lo >>> 48, 4);
                b[23] = '-';
                hex(b, 24, lo, 12);
                codeTextOf = code;
            }
            return codeText;
        }

        /** Writes the low {@code digits} hex digits of {@code value}, lower case. */
        private static void hex(byte[] b, int at, long value, int digits) {
            for (int i = at + digits - 1; i >= at; i--) {
                b[i] = HEX[(int) (value & 0xf)];
                value >>>= 4;
            }
        }

        /** Writes {@code t} as {@code 2026-01-31T23:59:07+00:00} (whole seconds), or null. */
        private void writeTime(JsonGenerator g, Instant t) throws IOException {
            if (t == null) {
                g.writeNull();
                return;
            }
            LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
            int year = d.getYear();
            if (year < 0 || year > 9999) {
                g.writeString(ISO.format(t));
                return;
            }
            byte[] b = bytes;
            digits(b, 0, year, 4);
            b[4] = '-';
            digits(b, 5, d.getMonthValue(), 2);
            b[7] = '-';
            digits(b, 8, d.getDayOfMonth(), 2);
            b[10] = 'T';
            digits(b, 11, d.getHour(), 2);
            b[13] = ':';
            digits(b, 14, d.getMinute(), 2);
            b[16] = ':';
            digits(b, 17, d.getSecond(), 2);
            b[19] = '+';
            b[20] = '0';
            b[21] = '0';
            b[22] = ':';
            b[23] = '0';
            b[24] = '0';
            g.writeRawUTF8String(b, 0, 25);
        }

        private static void digits(byte[] b, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                b[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
        }

        /** True when {@code s} is printable ASCII that JSON needs no escape for. */
        private static boolean isPlainAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') {
                    return false;
                }
            }
            return true;
        }

        /** The channel codes, sorted, comma-separated. */
        private static String channels(List<UUID> codes) {
            switch (codes.size()) {
                case 0:
                    return "";
                case 1:
                    return codes.get(0).toString();
                default:
                    String[] all = new String[codes.size()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = codes.get(i).toString();
                    }
                    Arrays.sort(all);
                    return String.join(",", all);
            }
        }
    }
}
