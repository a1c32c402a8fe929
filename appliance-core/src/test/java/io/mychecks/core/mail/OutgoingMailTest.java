package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {
    @Test
    void subjectAndHeaderValuesAreOneLine() {
        OutgoingMail m =
                new OutgoingMail(
                        "bob@example.org",
                        "Confirm\r\nBcc: x@y\u0000\u2028on site",
                        "text\r\nkept",
                        "<p>html</p>",
                        Map.of("List-Id", "a\nb", "X-Name\r\nBcc", "v"));
        assertThat(m.subject()).isEqualTo("Confirm  Bcc: x@y  on site");
        assertThat(m.headers())
                .containsOnly(Map.entry("List-Id", "a b"), Map.entry("X-Name  Bcc", "v"));
        assertThat(m.text()).isEqualTo("text\r\nkept");
        assertThat(m.withBounceTo("b@example.org").subject()).isEqualTo(m.subject());
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertThat(ControlChars.toSpaces("DOWN | backup – nightly ✓"))
                .isEqualTo("DOWN | backup – nightly ✓");
        assertThat(ControlChars.toSpaces(null)).isNull();
        assertThat(ControlChars.toSpaces("\u0085\u007f\t")).isEqualTo("   ");
    }
}
