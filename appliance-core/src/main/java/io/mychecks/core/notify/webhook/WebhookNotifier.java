package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.notify.webhook.Placeholders.Target;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code webhook} kind (spec 6.4): an HTTP GET, POST or PUT per direction, with placeholders
 * filled into the URL, the header values and the body.
 */
public final class WebhookNotifier implements Notifier {
    public static final String KIND = "webhook";

    private static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204);

    private final OutboundHttp http;

    public WebhookNotifier(OutboundHttp http) {
        this.http = http;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ObjectNode parseConfig(ObjectNode request) throws InvalidChannelException {
        return WebhookConfigParser.parse(request);
    }

    @Override
    public ObjectNode describe(ObjectNode storedConfig) {
        // ChannelJson masks credentials in URLs and secret-looking headers for every kind
        return storedConfig.deepCopy();
    }

    /**
     * The webhook's reading of an answer, as the reference's: 200, 201, 202 and 204 are delivered;
     * 5xx, 408 and 429 are retried; 410 is permanent (the target is gone, the channel is disabled);
     * any other status fails.
     */
    static Delivery classify(OutboundHttp.Response response) {
        int status = response.status();
        if (SUCCESS.contains(status)) {
            return Delivery.ok();
        }
        String error = "Received status code " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return Delivery.retry(error);
        }
        return status == 410 ? Delivery.permanent(error) : Delivery.failed(error);
    }

    @Override
    public boolean wants(Channel channel, ObjectNode storedConfig, CheckStatus status) {
        return (status == CheckStatus.UP || status == CheckStatus.DOWN)
                && !WebhookSpec.of(storedConfig, status).isEmpty();
    }

    @Override
    public Delivery deliver(Alert alert, ObjectNode storedConfig) {
        WebhookSpec spec = WebhookSpec.of(storedConfig, alert.status());
        if (spec.isEmpty()) {
            return Delivery.ok();
        }
        try {
            Placeholders p = Placeholders.of(alert);
            String url = p.fill(spec.url(), Target.URL);
            Map<String, String> headers = new LinkedHashMap<>();
            spec.headers()
                    .forEach((name, value) -> headers.put(name, p.fill(value, Target.HEADER)));
            byte[] body =
                    spec.sendsBody()
                            ? p.fill(spec.body(), Target.BODY).getBytes(StandardCharsets.UTF_8)
                            : null;
            return classify(http.send(spec.method(), url, headers, body));
        } catch (OutboundHttp.Failure e) {
            return e.delivery();
        } catch (RuntimeException e) {
            // a bad stored template must not stop the alert loop
            return Delivery.failed("Webhook failed: " + e.getClass().getSimpleName());
        }
    }
}
