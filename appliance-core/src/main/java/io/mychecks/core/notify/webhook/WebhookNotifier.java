package io.mychecks.core.notify.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.ConfigErrors;
import io.mychecks.core.notify.ConfiguredNotifier;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.RetryAfter;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.notify.webhook.Placeholders.Target;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code webhook} kind (spec 6.4): an HTTP GET, POST or PUT per direction ({@link
 * WebhookConfig}), with placeholders filled into the URL, the header values and the body. The
 * templates are the user's own text; Mychecks writes none of its own here.
 */
public final class WebhookNotifier extends ConfiguredNotifier<WebhookConfig> {
    public static final String KIND = "webhook";

    private static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204);

    private final OutboundHttp http;
    private final Clock clock;

    public WebhookNotifier(OutboundHttp http) {
        this(http, Clock.systemUTC());
    }

    public WebhookNotifier(OutboundHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected WebhookConfig parse(ObjectNode request, ConfigErrors errors) {
        return WebhookConfigParser.parse(request, errors);
    }

    @Override
    protected WebhookConfig fromStored(ObjectNode stored) {
        return WebhookConfig.fromStored(stored);
    }

    /**
     * The webhook's reading of an answer, as the reference's: 200, 201, 202 and 204 are delivered;
     * 5xx, 408 and 429 are retried (not before the target's Retry-After, when it gives one); 410 is
     * permanent (the target is gone, the channel is disabled); any other status fails.
     */
    static Delivery classify(OutboundHttp.Response response, Instant now) {
        int status = response.status();
        if (SUCCESS.contains(status)) {
            return Delivery.ok();
        }
        String error = "Received status code " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return RetryAfter.of(response.headers(), now)
                    .map(wait -> Delivery.retry(error, wait))
                    .orElseGet(() -> Delivery.retry(error));
        }
        return status == 410 ? Delivery.permanent(error) : Delivery.failed(error);
    }

    @Override
    protected Delivery send(Alert alert, WebhookConfig config) {
        WebhookSpec spec = config.spec(alert.status());
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
            return classify(http.send(spec.method(), url, headers, body), clock.instant());
        } catch (OutboundHttp.Failure e) {
            return e.delivery();
        } catch (RuntimeException e) {
            // a bad stored template must not stop the alert loop
            return Delivery.failed("Webhook failed: " + e.getClass().getSimpleName());
        }
    }
}
