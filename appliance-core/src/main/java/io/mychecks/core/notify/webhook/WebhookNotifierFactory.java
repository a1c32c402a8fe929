package io.mychecks.core.notify.webhook;

import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierFactory;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.settings.Settings;
import java.time.Clock;

/** Builds the webhook notifier, or nothing when WEBHOOKS_ENABLED=False. */
public final class WebhookNotifierFactory implements NotifierFactory {
    @Override
    public Notifier create(Settings settings, Clock clock) {
        return settings.bool("WEBHOOKS_ENABLED")
                ? new WebhookNotifier(OutboundHttp.fromSettings(settings))
                : null;
    }
}
