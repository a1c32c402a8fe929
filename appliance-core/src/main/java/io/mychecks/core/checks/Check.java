package io.mychecks.core.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** A check: its identity, what the user configured and what its pings made of it. */
public record Check(
        long id,
        UUID code,
        long projectId,
        Instant created,
        String badgeKey,
        CheckConfig config,
        CheckState state) {

    public Check withState(CheckState s) {
        return new Check(id, code, projectId, created, badgeKey, config, s);
    }

    public Check withConfig(CheckConfig c) {
        return new Check(id, code, projectId, created, badgeKey, c, state);
    }

    /** The check's name, or its UUID when it has none (how messages name it). */
    public String displayName() {
        return config.name().isEmpty() ? code.toString() : config.name();
    }

    /** SHA-1 hex of the first 16 hex characters of the UUID: a stable id that hides the UUID. */
    public String uniqueKey() {
        return uniqueKey(code);
    }

    /** See {@link #uniqueKey()}. */
    public static String uniqueKey(UUID code) {
        try {
            String prefix = code.toString().replace("-", "").substring(0, 16);
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest(prefix.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
