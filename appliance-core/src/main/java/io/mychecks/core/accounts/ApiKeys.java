package io.mychecks.core.accounts;

import io.mychecks.core.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Project keys. API keys are {@code hcw_} (read-write) or {@code hcr_} (read-only) followed by 28
 * random letters and digits, 32 characters in all, as the reference issues them. Only a hash is
 * stored: the first 8 random characters, a dot, and the hex HMAC-SHA256 of the whole key under
 * SECRET_KEY. Ping keys are 22 lower-case letters and digits, stored as they are.
 */
public final class ApiKeys {
    private static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public ApiKeys(String secretKey) {
        this.secret = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns a new random API key: {@code hcr_…} when {@code readonly}, else {@code hcw_…}. */
    public static String newApiKey(boolean readonly) {
        return (readonly ? "hcr_" : "hcw_") + random(ALPHANUMERIC, 28);
    }

    /** Returns a new random ping key. */
    public static String newPingKey() {
        return random(LOWER_ALPHANUMERIC, 22);
    }

    /**
     * Returns the stored form of {@code key}. Keys in the new format are hashed; any other
     * 32-character key (a legacy plain key) is stored and compared as it is.
     */
    public String hash(String key) {
        if (!(key.startsWith("hcw_") || key.startsWith("hcr_"))) {
            return key;
        }
        byte[] digest = Hmac.sha256(secret, key.getBytes(StandardCharsets.UTF_8));
        return key.substring(4, 12) + "." + HexFormat.of().formatHex(digest);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
