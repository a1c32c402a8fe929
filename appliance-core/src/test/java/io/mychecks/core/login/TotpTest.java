package io.mychecks.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B's SHA-1 key, "12345678901234567890". */
    static final String RFC_SECRET =
            Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcVectorsOnTheirLastSixDigits() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000))).isEqualTo("279037");
    }

    @Test
    void newSecretsAreBase32Of160Bits() {
        String s = Totp.newSecret();
        assertThat(s).matches("^[A-Z2-7]{32}$");
        assertThat(Totp.unbase32(s)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(s);
    }
}
