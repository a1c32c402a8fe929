package io.mychecks.core.notify.webhook;

import io.mychecks.core.notify.ConfigField;
import io.mychecks.core.notify.ConfigField.Type;
import io.mychecks.core.notify.KindSettings;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierFactory;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The webhook kind; switched off by WEBHOOKS_ENABLED=False. */
public final class WebhookNotifierFactory implements NotifierFactory {
    @Override
    public String kind() {
        return WebhookNotifier.KIND;
    }

    @Override
    public String label() {
        return "Webhook";
    }

    @Override
    public List<ConfigField> fields() {
        List<ConfigField> fields = new ArrayList<>();
        for (String dir : new String[] {"down", "up"}) {
            String when = dir.equals("down") ? "when a check goes down" : "when a check recovers";
            fields.add(
                    ConfigField.of(
                                    "url_" + dir,
                                    Type.URL,
                                    "URL (" + dir + ")",
                                    "Called " + when + ".")
                            .withSecret());
            fields.add(
                    ConfigField.of("method_" + dir, Type.CHOICE, "Method (" + dir + ")", "")
                            .withChoices("GET", "POST", "PUT"));
            fields.add(
                    ConfigField.of(
                            "body_" + dir,
                            Type.TEMPLATE,
                            "Body (" + dir + ")",
                            "Sent with POST and PUT; $NAME, $STATUS, … are filled in."));
            fields.add(
                    ConfigField.of(
                            "headers_" + dir,
                            Type.HEADERS,
                            "Headers (" + dir + ")",
                            "Name and value of each header; values take placeholders."));
        }
        return List.copyOf(fields);
    }

    @Override
    public List<SettingKey> settingKeys() {
        return KindSettings.documented("WEBHOOKS_ENABLED", "INTEGRATIONS_ALLOW_PRIVATE_IPS");
    }

    @Override
    public Optional<String> enabledBy() {
        return Optional.of("WEBHOOKS_ENABLED");
    }

    @Override
    public Notifier create(Settings settings, Clock clock) {
        return new WebhookNotifier(OutboundHttp.fromSettings(settings), clock);
    }
}
