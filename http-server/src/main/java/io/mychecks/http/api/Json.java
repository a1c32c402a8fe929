package io.mychecks.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's JSON mapper and the reference's timestamp formats. */
public final class Json {
    public static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
                    .withZone(ZoneOffset.UTC);

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ISO-8601 in UTC without fractions, {@code 2026-03-27T10:17:00+00:00}; null stays null. */
    public static String isoSeconds(Instant t) {
        return t == null ? null : SECONDS.format(t);
    }

    /** ISO-8601 in UTC with microseconds, omitted when zero (as Python's isoformat does). */
    public static String isoMicros(Instant t) {
        if (t == null) {
            return null;
        }
        return t.getNano() / 1000 == 0 ? SECONDS.format(t) : MICROS.format(t);
    }
}
