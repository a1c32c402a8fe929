package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook channel sends for one direction (down or up): method, URL, body and header
 * templates. An empty URL means the channel does nothing for that direction.
 */
record WebhookSpec(String method, String url, String body, Map<String, String> headers) {

    /** Reads the spec of {@code status}'s direction from a stored config. */
    static WebhookSpec of(ObjectNode stored, CheckStatus status) {
        String suffix = status == CheckStatus.UP ? "_up" : "_down";
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = stored.path("headers" + suffix);
        h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText("")));
        return new WebhookSpec(
                stored.path("method" + suffix).asText("GET"),
                stored.path("url" + suffix).asText(""),
                stored.path("body" + suffix).asText(""),
                headers);
    }

    boolean isEmpty() {
        return url.isEmpty();
    }

    /** True when the request carries a body: POST or PUT with a non-empty template. */
    boolean sendsBody() {
        return (method.equals("POST") || method.equals("PUT")) && !body.isEmpty();
    }
}
