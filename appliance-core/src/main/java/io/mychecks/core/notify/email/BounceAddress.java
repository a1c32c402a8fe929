package io.mychecks.core.notify.email;

import io.mychecks.core.crypto.Hmac;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed envelope senders for alert emails, so that a bounce tells which notification it is about.
 *
 * <p>With EMAIL_MAIL_FROM_TMPL set (for example {@code bounces+%s@example.org}) the {@code %s} is
 * replaced by {@code n<notification code, 32 hex>.<seconds, base 36>.<signature, 12 hex>}: 53
 * characters, which leaves 11 of the 64 a local part may have for the template's own. The signature
 * is the first 48 bits of HMAC-SHA256 of the rest under SECRET_KEY; a token is good for 48 hours.
 */
public final class BounceAddress {
    static final Duration VALIDITY = Duration.ofHours(48);
    private static final Pattern TOKEN =
            Pattern.compile("n([0-9a-f]{32})\\.([0-9a-z]{1,8})\\.([0-9a-f]{12})");

    private static final Pattern REPORT_TOKEN =
            Pattern.compile("r([0-9a-z]{1,13})\\.([0-9a-z]{1,8})\\.([0-9a-f]{12})");

    private final String template;
    private final byte[] key;
    private final Clock clock;

    /** The bounce addresses of EMAIL_MAIL_FROM_TMPL, signed with SECRET_KEY. */
    public static BounceAddress fromSettings(Settings settings, Clock clock) {
        return new BounceAddress(settings.get("EMAIL_MAIL_FROM_TMPL"), settings.secretKey(), clock);
    }

    public BounceAddress(String template, String secretKey, Clock clock) {
        this.template = template;
        this.key = ("bounce:" + secretKey).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The envelope sender for a notification, empty when EMAIL_MAIL_FROM_TMPL is not set. */
    public Optional<String> envelopeSender(UUID notificationCode) {
        return sender('n', notificationCode.toString().replace("-", ""));
    }

    /**
     * The notification code signed into {@code address} (an address or any text holding a token);
     * empty when there is no token, the signature is wrong or the token is older than 48 hours.
     */
    public Optional<UUID> verify(String address) {
        return signedValue(address, 'n', TOKEN)
                .map(
                        hex ->
                                new UUID(
                                        Long.parseUnsignedLong(hex, 0, 16, 16),
                                        Long.parseUnsignedLong(hex, 16, 32, 16)));
    }

    /**
     * The envelope sender for a report or nag to user {@code userId} ({@code r<id>.<time>.<sig>}),
     * empty when EMAIL_MAIL_FROM_TMPL is not set. A bounce of it turns the user's reports off.
     */
    public Optional<String> reportSender(long userId) {
        return sender('r', Long.toString(userId, 36));
    }

    /** The user id signed into a report bounce address; empty as {@link #verify} would be. */
    public Optional<Long> verifyReport(String address) {
        return signedValue(address, 'r', REPORT_TOKEN).map(id -> Long.parseLong(id, 36));
    }

    /** {@code <kind><value>.<now, base 36>.<signature>} in the template, if there is one. */
    private Optional<String> sender(char kind, String value) {
        if (template.isEmpty()) {
            return Optional.empty();
        }
        String payload = kind + value + "." + Long.toString(clock.instant().getEpochSecond(), 36);
        return Optional.of(template.replace("%s", payload + "." + sign(payload)));
    }

    /** The value of the first token of {@code kind} in {@code address} that is signed and fresh. */
    private Optional<String> signedValue(String address, char kind, Pattern token) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = token.matcher(address.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String payload = kind + m.group(1) + "." + m.group(2);
            byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
                continue;
            }
            Instant signed = Instant.ofEpochSecond(Long.parseLong(m.group(2), 36));
            Instant now = clock.instant();
            if (signed.isAfter(now.plusSeconds(60)) || signed.plus(VALIDITY).isBefore(now)) {
                continue;
            }
            return Optional.of(m.group(1));
        }
        return Optional.empty();
    }

    private String sign(String payload) {
        byte[] digest = Hmac.sha256(key, payload.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest, 0, 6);
    }
}
