package io.mychecks.core.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a channel's stored settings: the one place that turns {@code channels.config} text into
 * JSON. A JSON object is returned as it is; any other text (a legacy email channel stores the bare
 * address) becomes {@code {"value": text}}; null or blank text becomes {@code {}}.
 */
public final class ChannelConfigs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChannelConfigs() {}

    /** The settings of {@code channel}, as described in the class comment; never null. */
    public static ObjectNode parse(Channel channel) {
        return parse(channel.config());
    }

    /** The settings stored as {@code stored}, as described in the class comment; never null. */
    public static ObjectNode parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(stored);
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (IOException e) {
            // not JSON: the legacy plain-value form below
        }
        return MAPPER.createObjectNode().put("value", stored);
    }
}
