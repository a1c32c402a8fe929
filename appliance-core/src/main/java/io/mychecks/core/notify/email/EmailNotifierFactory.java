package io.mychecks.core.notify.email;

import io.mychecks.core.mail.MailSender;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierFactory;
import io.mychecks.core.settings.Settings;
import java.time.Clock;

/** Builds the email notifier; always enabled (without EMAIL_HOST deliveries fail clearly). */
public final class EmailNotifierFactory implements NotifierFactory {
    @Override
    public Notifier create(Settings settings, Clock clock) {
        return new EmailNotifier(
                MailSender.fromSettings(settings),
                settings,
                BounceAddress.fromSettings(settings, clock));
    }
}
