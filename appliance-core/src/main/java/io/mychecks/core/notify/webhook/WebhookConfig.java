package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.KindConfig;

/**
 * The settings of a webhook channel: what it sends when a check goes down and when it comes up.
 * Stored (and shown) as the keys {@code body_down, body_up, headers_down, headers_up, method_down,
 * method_up, url_down, url_up} in sorted order, headers sorted by name.
 */
record WebhookConfig(WebhookSpec down, WebhookSpec up) implements KindConfig {

    /** Reads stored settings. */
    static WebhookConfig fromStored(ObjectNode stored) {
        return new WebhookConfig(
                WebhookSpec.of(stored, CheckStatus.DOWN), WebhookSpec.of(stored, CheckStatus.UP));
    }

    /** The spec of {@code status}'s direction. */
    WebhookSpec spec(CheckStatus status) {
        return status == CheckStatus.UP ? up : down;
    }

    @Override
    public ObjectNode toStored() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("body_down", down.body());
        o.put("body_up", up.body());
        o.set("headers_down", headers(down));
        o.set("headers_up", headers(up));
        o.put("method_down", down.method());
        o.put("method_up", up.method());
        o.put("url_down", down.url());
        o.put("url_up", up.url());
        return o;
    }

    private static ObjectNode headers(WebhookSpec spec) {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        spec.headers().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> h.put(e.getKey(), e.getValue()));
        return h;
    }

    @Override
    public ObjectNode describe() {
        // ChannelJson masks credentials in URLs and secret-looking headers for every kind
        return toStored();
    }

    @Override
    public boolean wants(CheckStatus status) {
        return (status == CheckStatus.UP || status == CheckStatus.DOWN) && !spec(status).isEmpty();
    }
}
