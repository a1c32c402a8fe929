package io.mychecks.core.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;

/**
 * Reads a channel's stored settings; a plain string (legacy email) becomes {@code {"value": …}}.
 */
final class ChannelConfigs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChannelConfigs() {}

    static ObjectNode parse(Channel channel) {
        try {
            JsonNode node = MAPPER.readTree(channel.config());
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (Exception e) {
            // not JSON: fall through to the legacy plain-value form
        }
        return MAPPER.createObjectNode().put("value", channel.config());
    }
}
