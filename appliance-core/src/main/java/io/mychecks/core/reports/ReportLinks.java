package io.mychecks.core.reports;

import io.mychecks.core.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-click unsubscribe link of reports and nags: the user id signed with SECRET_KEY. */
public final class ReportLinks {
    private static final Pattern TOKEN = Pattern.compile("^(\\d{1,18})-([0-9a-f]{40})$");
    private final byte[] key;

    public ReportLinks(String secretKey) {
        this.key = ("unsubscribe-reports:" + secretKey).getBytes(StandardCharsets.UTF_8);
    }

    public String token(long userId) {
        return userId + "-" + sign(userId);
    }

    public Optional<Long> verify(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        return MessageDigest.isEqual(
                        sign(id).getBytes(StandardCharsets.US_ASCII),
                        m.group(2).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(id)
                : Optional.empty();
    }

    private String sign(long id) {
        return HexFormat.of()
                .formatHex(
                        Hmac.sha256(key, Long.toString(id).getBytes(StandardCharsets.US_ASCII)),
                        0,
                        20);
    }
}
