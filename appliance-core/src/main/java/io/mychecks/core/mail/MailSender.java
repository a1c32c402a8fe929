package io.mychecks.core.mail;

import io.mychecks.core.settings.Settings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Sends email through the SMTP server of the EMAIL_* settings (Simple Java Mail), blocking until
 * the server accepted or refused the message. Connecting, reading and writing are each bounded by
 * {@link MailConfig#timeout()}. Failures are reported as {@link MailFailure}: an unreachable server
 * and 4xx answers are transient, 5xx answers are rejections.
 */
public final class MailSender {
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245])\\d\\d\\b");

    private final MailConfig config;
    private final Mailer mailer;

    public MailSender(MailConfig config) {
        this.config = config;
        this.mailer = config.host().isEmpty() ? null : buildMailer(config);
    }

    /** Returns a sender for the EMAIL_* settings. */
    public static MailSender fromSettings(Settings settings) {
        return new MailSender(MailConfig.from(settings));
    }

    /** True when EMAIL_HOST is set. */
    public boolean configured() {
        return mailer != null;
    }

    /** Sends {@code mail}; throws {@link MailFailure} when it was not accepted. */
    public void send(OutgoingMail mail) throws MailFailure {
        if (mailer == null) {
            throw new MailFailure(
                    MailFailure.Kind.NOT_CONFIGURED,
                    "Email is not configured (EMAIL_HOST is empty)");
        }
        Email email = buildEmail(mail);
        try {
            mailer.sendMail(email).join();
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    private static Mailer buildMailer(MailConfig c) {
        TransportStrategy strategy =
                c.implicitTls()
                        ? TransportStrategy.SMTPS
                        : c.startTls() ? TransportStrategy.SMTP_TLS : TransportStrategy.SMTP;
        String user = c.user().isEmpty() ? null : c.user();
        String password = user == null || c.password().isEmpty() ? null : c.password();
        var builder =
                MailerBuilder.withSMTPServer(c.host(), c.port(), user, password)
                        .withTransportStrategy(strategy)
                        .withSessionTimeout((int) c.timeout().toMillis())
                        // our callers validate addresses; the default validator refuses e.g.
                        // root@localhost
                        .clearEmailValidator();
        if (strategy == TransportStrategy.SMTP) {
            // plain means plain: Simple Java Mail would try STARTTLS when offered, and a relay
            // with a self-signed certificate would then never get our mail
            builder = builder.withProperty("mail.smtp.starttls.enable", "false");
        }
        return builder.buildMailer();
    }

    private Email buildEmail(OutgoingMail mail) throws MailFailure {
        InternetAddress from = parse(config.from(), "DEFAULT_FROM_EMAIL");
        InternetAddress to = parse(mail.to(), "recipient");
        EmailPopulatingBuilder b =
                EmailBuilder.startingBlank()
                        .from(from)
                        .to(to)
                        .withSubject(mail.subject())
                        .withPlainText(mail.text())
                        .withHTMLText(mail.html())
                        .fixingMessageId(
                                "<" + UUID.randomUUID() + "@" + domainOf(from.getAddress()) + ">");
        for (Map.Entry<String, String> h : mail.headers().entrySet()) {
            b = b.withHeader(h.getKey(), h.getValue());
        }
        if (mail.bounceTo() != null) {
            b = b.withBounceTo(parse(mail.bounceTo(), "EMAIL_MAIL_FROM_TMPL"));
        }
        return b.buildEmail();
    }

    private static InternetAddress parse(String address, String what) throws MailFailure {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new MailFailure(
                    MailFailure.Kind.REJECTED, "Invalid " + what + " address: " + address);
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }

    /**
     * Decides from the exception chain: an SMTP reply code anywhere in it wins (5xx rejected, 4xx
     * transient); otherwise a network problem or anything unknown is transient.
     */
    static MailFailure classify(Throwable e) {
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            String msg = t.getMessage();
            Matcher m = msg == null ? null : REPLY_CODE.matcher(msg);
            if (m != null && m.find() && !m.group(1).equals("2")) {
                String text = "SMTP error: " + msg.strip();
                return new MailFailure(
                        m.group(1).equals("5")
                                ? MailFailure.Kind.REJECTED
                                : MailFailure.Kind.TRANSIENT,
                        text);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException) {
                return new MailFailure(MailFailure.Kind.TRANSIENT, "SMTP server timed out");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return new MailFailure(
                        MailFailure.Kind.TRANSIENT,
                        "Could not connect to the SMTP server: " + t.getMessage());
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return new MailFailure(MailFailure.Kind.TRANSIENT, "Email failed: " + root.getMessage());
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        List<Throwable> todo =
                new ArrayList<>(
                        List.of(
                                e instanceof CompletionException && e.getCause() != null
                                        ? e.getCause()
                                        : e));
        while (!todo.isEmpty() && out.size() < 20) {
            Throwable t = todo.remove(0);
            if (t == null || out.contains(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException me) {
                todo.add(me.getNextException());
            }
        }
        return out;
    }
}
