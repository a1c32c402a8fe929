package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import java.io.IOException;

/**
 * A channel as the API shows it: {@code {"id", "name", "kind"}} in lists, followed by the kind's
 * settings ({@link Notifier#describe}, credentials masked) for a single channel.
 */
public final class ChannelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChannelJson() {}

    /** Returns {@code {"id": code, "name", "kind"}}. */
    public static ObjectNode summary(Channel c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.code().toString());
        o.put("name", c.name());
        o.put("kind", c.kind());
        return o;
    }

    /**
     * Returns the summary plus the kind's settings with credentials masked ({@link
     * ChannelSecrets}); just the summary when the kind is disabled.
     */
    public static ObjectNode full(Channel c, NotifierRegistry notifiers) {
        ObjectNode o = summary(c);
        notifiers
                .find(c.kind())
                .ifPresent(n -> o.setAll(ChannelSecrets.mask(n.describe(ChannelConfigs.parse(c)))));
        return o;
    }

    /** Returns settings as the text stored in the database. */
    public static String toStored(ObjectNode config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
