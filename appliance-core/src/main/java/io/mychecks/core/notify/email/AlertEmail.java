package io.mychecks.core.notify.email;

import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.AlertFacts;
import io.mychecks.core.notify.MessageTemplates;
import java.util.Map;

/**
 * The alert email of spec 6.5 in our own words, from the templates {@code email/subject.jte},
 * {@code email/alert.jte} (text and HTML, the same content): subject {@code DOWN | <name>} or
 * {@code UP | <name>}.
 */
final class AlertEmail {
    private AlertEmail() {}

    static OutgoingMail render(AlertFacts f, String to) {
        String subject = MessageTemplates.line("email/subject.jte", f);
        // RFC 3834: tells vacation responders not to answer alerts
        return new OutgoingMail(
                to,
                subject,
                MessageTemplates.text("email/alert.jte", f),
                MessageTemplates.html("email/alert.jte", f),
                Map.of("Auto-Submitted", "auto-generated"));
    }
}
