package io.mychecks.core.badges;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Returns and verifies the signatures in project badge URLs. They are the reference's signatures
 * bit for bit, so badge URLs published by a Healthchecks instance stay valid here when its
 * SECRET_KEY comes along.
 *
 * <p>The signature of a tag ({@code *} for the all-checks badge) under a project's badge key:
 *
 * <ol>
 *   <li>{@code keyBytes} = the SHA-1 digest, as its 20 raw bytes (not hex), of the UTF-8 bytes of
 *       the string {@code badge_key + SECRET_KEY} (the badge key immediately followed by the
 *       secret, no separator);
 *   <li>{@code mac} = HMAC-SHA1 keyed by {@code keyBytes} over the UTF-8 bytes of the tag (the
 *       decoded tag, not its URL form);
 *   <li>the signature is the first 8 characters of the URL-safe base64 of {@code mac} (alphabet
 *       {@code A–Z a–z 0–9 - _}, padding removed).
 * </ol>
 *
 * <p>This is Django's {@code salted_hmac(badge_key, tag, SECRET_KEY)} as the reference's {@code
 * base64_hmac} applies it. A URL carries the 8 characters for the three-state badge, or the 8
 * characters followed by {@code -2} (10 in all) for the two-state badge. Only the first 8
 * characters are compared.
 */
public final class BadgeSigner {
    static final int LENGTH = 8;
    private static final String TWO_STATE_SUFFIX = "-2";

    private final byte[] secret;

    public BadgeSigner(String secretKey) {
        this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the 8-character signature of {@code tag} for the project with {@code badgeKey}. */
    public String sign(String badgeKey, String tag) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(badgeKey.getBytes(StandardCharsets.UTF_8));
            byte[] keyBytes = sha1.digest(secret);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA1"));
            byte[] digest = mac.doFinal(tag.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 and HmacSHA1 are part of every JDK", e);
        }
    }

    /**
     * Returns the signature as it appears in a URL of the given mode (with {@code -2} for
     * two-state).
     */
    public String signForUrl(String badgeKey, String tag, BadgeMode mode) {
        String sig = sign(badgeKey, tag);
        return mode == BadgeMode.TWO_STATE ? sig + TWO_STATE_SUFFIX : sig;
    }

    /**
     * Returns the mode a URL signature asks for, or empty when its first 8 characters are not the
     * signature of {@code tag}. Exactly 10 characters ending in {@code -2} mean two-state; anything
     * else that verifies means three-state.
     */
    public Optional<BadgeMode> verify(String badgeKey, String tag, String urlSignature) {
        if (urlSignature == null || urlSignature.length() < LENGTH) {
            return Optional.empty();
        }
        byte[] expected = sign(badgeKey, tag).getBytes(StandardCharsets.US_ASCII);
        byte[] given = urlSignature.substring(0, LENGTH).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        boolean twoState =
                urlSignature.length() == LENGTH + TWO_STATE_SUFFIX.length()
                        && urlSignature.endsWith(TWO_STATE_SUFFIX);
        return Optional.of(twoState ? BadgeMode.TWO_STATE : BadgeMode.THREE_STATE);
    }
}
