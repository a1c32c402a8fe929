package io.mychecks.core.notify.email;

import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Email address verification of email channels. With EMAIL_USE_VERIFICATION=True an address other
 * than the project owner's own receives a link {@code SITE_ROOT/integrations/<channel
 * code>/verify/<token>/}, where the token is the hex HMAC-SHA256 of the channel code under a key
 * derived from SECRET_KEY; the channel delivers alerts once it is followed.
 */
public final class EmailVerification {
    /** Sets the verification key apart from other uses of SECRET_KEY (API keys, bounces). */
    private static final String KEY_PURPOSE = "email-verification:";

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
        String site = settings.siteName();
        String link = link(code);
        String text =
                "Hello,\n\nThis address was added to receive alerts from "
                        + site
                        + ".\n"
                        + "Please confirm it by opening this link:\n\n"
                        + link
                        + "\n\n"
                        + "Until it is confirmed, no alerts are sent here. If you did not expect this message, "
                        + "you can ignore it.\n\n-- \n"
                        + site
                        + "\n";
        String html =
                "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif;\">\n"
                        + "<p>Hello,</p>\n<p>This address was added to receive alerts from "
                        + Html.escape(site)
                        + ".</p>\n"
                        + "<p><a href=\""
                        + Html.escape(link)
                        + "\">Confirm this email address</a></p>\n"
                        + "<p>Until it is confirmed, no alerts are sent here. If you did not expect this message, "
                        + "you can ignore it.</p>\n</body></html>\n";
        mail.send(
                new OutgoingMail(
                        address,
                        "Confirm your email address on " + site,
                        text,
                        html,
                        Map.of("Auto-Submitted", "auto-generated")));
    }
}
