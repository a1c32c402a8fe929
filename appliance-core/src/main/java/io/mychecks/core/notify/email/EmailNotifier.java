package io.mychecks.core.notify.email;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.AlertFacts;
import io.mychecks.core.notify.ChannelVerification;
import io.mychecks.core.notify.ConfigErrors;
import io.mychecks.core.notify.ConfiguredNotifier;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.settings.Settings;
import java.util.Optional;

/**
 * The {@code email} kind: alerts go by SMTP to one address ({@link EmailConfig}); a channel
 * delivers only once its address is verified ({@link EmailVerification}).
 */
public final class EmailNotifier extends ConfiguredNotifier<EmailConfig> {
    public static final String KIND = "email";

    private final MailSender mail;
    private final Settings settings;
    private final BounceAddress bounces;
    private final EmailVerification verification;

    public EmailNotifier(MailSender mail, Settings settings, BounceAddress bounces) {
        this.mail = mail;
        this.settings = settings;
        this.bounces = bounces;
        this.verification = new EmailVerification(settings, mail);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns the address of a stored config ("" when there is none). */
    public static String address(ObjectNode storedConfig) {
        return EmailConfig.fromStored(storedConfig).address();
    }

    /** Returns true when {@code address} looks like one plain email address. */
    public static boolean validAddress(String address) {
        return EmailConfig.validAddress(address);
    }

    @Override
    protected EmailConfig parse(ObjectNode request, ConfigErrors errors) {
        return EmailConfig.parse(request, errors);
    }

    @Override
    protected EmailConfig fromStored(ObjectNode stored) {
        return EmailConfig.fromStored(stored);
    }

    @Override
    public Optional<ChannelVerification> verification() {
        return Optional.of(verification);
    }

    @Override
    protected Delivery send(Alert alert, EmailConfig config) {
        if (!alert.channel().emailVerified()) {
            return Delivery.failed("Email not verified");
        }
        try {
            OutgoingMail message =
                    AlertEmail.render(AlertFacts.of(alert, settings), config.address());
            mail.send(
                    bounces.envelopeSender(alert.notificationCode())
                            .map(message::withBounceTo)
                            .orElse(message));
            return Delivery.ok();
        } catch (MailFailure f) {
            return switch (f.kind()) {
                case TRANSIENT -> Delivery.retry(f.getMessage());
                case REJECTED, NOT_CONFIGURED -> Delivery.failed(f.getMessage());
            };
        } catch (RuntimeException e) {
            // a bug in rendering or in the mail library must not stop the alert loop
            return Delivery.retry("Email failed: " + e.getClass().getSimpleName());
        }
    }
}
