package io.mychecks.core.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the form {@code pbkdf2_sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in base64).
 */
public final class PasswordHasher {
    /** The OWASP 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final int iterations;

    /**
     * A hasher with the default strength. The system property {@code mychecks.pbkdf2.iterations}
     * lowers it for test runs only (the build sets it for the test JVMs).
     */
    public PasswordHasher() {
        this(Integer.getInteger("mychecks.pbkdf2.iterations", DEFAULT_ITERATIONS));
    }

    /** A hasher with fewer iterations, for tests. */
    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2_sha256$"
                + iterations
                + "$"
                + b64(salt)
                + "$"
                + b64(derive(password, salt, iterations));
    }

    /**
     * True when {@code stored} has this hasher's form, so that checking a password against it does
     * the full work (an empty or foreign value would be refused at once).
     */
    public boolean isWellFormed(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length == 4
                && parts[0].equals("pbkdf2_sha256")
                && parts[1].matches("[1-9][0-9]{0,8}");
    }

    /** Returns true if {@code password} matches {@code stored}; false for any malformed hash. */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2_sha256")) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
