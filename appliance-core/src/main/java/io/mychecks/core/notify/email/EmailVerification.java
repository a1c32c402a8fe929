package io.mychecks.core.notify.email;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.ChannelVerification;
import io.mychecks.core.notify.MessageTemplates;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email address verification of email channels. With EMAIL_USE_VERIFICATION=True an address other
 * than the project owner's own receives a link {@code SITE_ROOT/integrations/<channel
 * code>/verify/<token>/}, where the token is the hex HMAC-SHA256 of the channel code under a key
 * derived from SECRET_KEY; the channel delivers alerts once it is followed.
 */
public final class EmailVerification implements ChannelVerification {
    /** Sets the verification key apart from other uses of SECRET_KEY (API keys, bounces). */
    private static final String KEY_PURPOSE = "email-verification:";

    private static final Logger LOG = LoggerFactory.getLogger(EmailVerification.class);

    private final Settings settings;
    private final MailSender mail;

    public EmailVerification(Settings settings, MailSender mail) {
        this.settings = settings;
        this.mail = mail;
    }

    /**
     * True when a new channel to {@code address} needs no link: verification is off, or it is the
     * owner's address.
     */
    public boolean verifiedAtOnce(String address, String ownerEmail) {
        return !settings.bool("EMAIL_USE_VERIFICATION")
                || address.toLowerCase(Locale.ROOT).equals(ownerEmail.toLowerCase(Locale.ROOT));
    }

    /** Returns the token of the verification link of channel {@code code}. */
    public String token(UUID code) {
        byte[] key = (KEY_PURPOSE + settings.secretKey()).getBytes(StandardCharsets.UTF_8);
        byte[] digest = Hmac.sha256(key, code.toString().getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest);
    }

    /** True when {@code token} is the token of channel {@code code} (compared in constant time). */
    @Override
    public boolean tokenMatches(UUID code, String token) {
        byte[] expected = token(code).getBytes(StandardCharsets.US_ASCII);
        return token != null
                && MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the absolute verification URL of channel {@code code}. */
    public String link(UUID code) {
        return settings.siteRoot() + "/integrations/" + code + "/verify/" + token(code) + "/";
    }

    /** Sends the verification link of channel {@code code} to {@code address}. */
    public void sendLink(UUID code, String address) throws MailFailure {
        VerificationMessage m = new VerificationMessage(settings.siteName(), link(code));
        mail.send(
                new OutgoingMail(
                        address,
                        MessageTemplates.line("email/verify-subject.jte", m),
                        MessageTemplates.text("email/verify.jte", m),
                        MessageTemplates.html("email/verify.jte", m),
                        Map.of("Auto-Submitted", "auto-generated")));
    }

    @Override
    public boolean verifiedAtOnce(ObjectNode storedConfig, String ownerEmail) {
        return verifiedAtOnce(EmailConfig.fromStored(storedConfig).address(), ownerEmail);
    }

    @Override
    public void requestConfirmation(Channel channel, ObjectNode storedConfig) {
        try {
            sendLink(channel.code(), EmailConfig.fromStored(storedConfig).address());
        } catch (MailFailure f) {
            LOG.warn(
                    "could not send the verification email of channel {}: {}",
                    channel.id(),
                    f.getMessage());
        }
    }
}
