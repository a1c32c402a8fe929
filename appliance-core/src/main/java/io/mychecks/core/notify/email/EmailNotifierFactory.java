package io.mychecks.core.notify.email;

import io.mychecks.core.mail.MailSender;
import io.mychecks.core.notify.ConfigField;
import io.mychecks.core.notify.ConfigField.Type;
import io.mychecks.core.notify.KindSettings;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierFactory;
import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.List;

/** The email kind; always on (without EMAIL_HOST its deliveries fail clearly). */
public final class EmailNotifierFactory implements NotifierFactory {
    @Override
    public String kind() {
        return EmailNotifier.KIND;
    }

    @Override
    public String label() {
        return "Email";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.of("email", Type.EMAIL, "Email address", "Where alerts are sent.")
                        .asRequired(),
                ConfigField.of("up", Type.BOOLEAN, "Up", "Send an email when a check recovers."),
                ConfigField.of(
                        "down", Type.BOOLEAN, "Down", "Send an email when a check goes down."));
    }

    @Override
    public List<SettingKey> settingKeys() {
        return KindSettings.documented(
                "EMAIL_HOST",
                "EMAIL_PORT",
                "EMAIL_HOST_USER",
                "EMAIL_HOST_PASSWORD",
                "EMAIL_USE_TLS",
                "EMAIL_USE_SSL",
                "EMAIL_USE_VERIFICATION",
                "EMAIL_MAIL_FROM_TMPL");
    }

    @Override
    public Notifier create(Settings settings, Clock clock) {
        return new EmailNotifier(
                MailSender.fromSettings(settings),
                settings,
                BounceAddress.fromSettings(settings, clock));
    }
}
