package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mychecks.core.checks.Check;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.pings.Ping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhook placeholders of one alert ({@code $CODE}, {@code $STATUS}, {@code $NOW}, …) and their
 * substitution into templates.
 *
 * <ol>
 *   <li>Only placeholders written in the template are replaced: values are never scanned again, so
 *       a name containing {@code $NAME} stays as it is.
 *   <li>At each {@code $} the keys are tried in a fixed order and the first that matches wins:
 *       {@code $NAME_JSON} before {@code $NAME}, {@code $BODY_JSON} before {@code $BODY}, and
 *       {@code $TAG1} before {@code $TAG10}, so {@code $TAG10} reads as the first tag and "0".
 *   <li>{@code $BODY} and {@code $BODY_JSON} exist only in body templates.
 *   <li>In URLs every value except {@code $CODE}, {@code $STATUS}, {@code $SLUG} and {@code
 *       $EXITSTATUS} is percent-encoded (UTF-8; letters, digits, {@code -._~/} kept).
 * </ol>
 */
final class Placeholders {
    /** Where a template is used; decides encoding and which keys exist. */
    enum Target {
        URL,
        HEADER,
        BODY
    }

    private static final Set<String> RAW_IN_URL =
            Set.of("$CODE", "$STATUS", "$SLUG", "$EXITSTATUS");
    private static final Set<String> BODY_ONLY = Set.of("$BODY_JSON", "$BODY");
    private static final DateTimeFormatter NOW =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    // JSON as Python's json.dumps writes it: ", " and ": " separators, non-ASCII escaped
    private static final ObjectWriter JSON =
            JsonMapper.builder()
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .build()
                    .writer(
                            new MinimalPrettyPrinter() {
                                private static final long serialVersionUID = 1L;

                                @Override
                                public void writeObjectFieldValueSeparator(JsonGenerator g)
                                        throws IOException {
                                    g.writeRaw(": ");
                                }

                                @Override
                                public void writeObjectEntrySeparator(JsonGenerator g)
                                        throws IOException {
                                    g.writeRaw(", ");
                                }

                                @Override
                                public void writeArrayValueSeparator(JsonGenerator g)
                                        throws IOException {
                                    g.writeRaw(", ");
                                }
                            });

    private final Map<String, String> values;

    Placeholders(Map<String, String> orderedValues) {
        this.values = orderedValues;
    }

    /** Returns the placeholders of {@code alert}. */
    static Placeholders of(Alert alert) {
        Check check = alert.check();
        Ping last = alert.lastPing();
        String body =
                last == null || last.body() == null
                        ? ""
                        : new String(last.body(), StandardCharsets.UTF_8);
        List<String> tags = check.config().tagList();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("$CODE", check.code().toString());
        v.put("$STATUS", alert.status().wire());
        v.put("$NOW", NOW.format(alert.flipTime()));
        v.put("$NAME_JSON", json(check.config().name()));
        v.put("$NAME", check.config().name());
        v.put("$TAGS", String.join(" ", tags));
        v.put("$JSON", alert.checkJson() == null ? "{}" : json(alert.checkJson()));
        v.put("$SLUG", check.config().slug());
        v.put(
                "$EXITSTATUS",
                String.valueOf(last == null || last.exitStatus() == null ? -1 : last.exitStatus()));
        v.put("$BODY_JSON", json(body));
        v.put("$BODY", body);
        for (int i = 0; i < tags.size(); i++) {
            v.put("$TAG" + (i + 1), tags.get(i));
        }
        return new Placeholders(v);
    }

    /** Returns {@code template} with its placeholders replaced for use in {@code target}. */
    String fill(String template, Target target) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            String key = template.charAt(i) == '$' ? keyAt(template, i, target) : null;
            if (key == null) {
                out.append(template.charAt(i));
                i++;
            } else {
                String value = values.get(key);
                out.append(
                        target == Target.URL && !RAW_IN_URL.contains(key)
                                ? percentEncode(value)
                                : value);
                i += key.length();
            }
        }
        return out.toString();
    }

    private String keyAt(String template, int i, Target target) {
        for (String key : values.keySet()) {
            if (target != Target.BODY && BODY_ONLY.contains(key)) {
                continue;
            }
            if (template.startsWith(key, i)) {
                return key;
            }
        }
        return null;
    }

    /** Percent-encodes UTF-8 bytes, keeping letters, digits and {@code -._~/}. */
    static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
