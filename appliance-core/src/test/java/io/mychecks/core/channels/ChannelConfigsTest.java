package io.mychecks.core.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelConfigsTest {
    @Test
    void aJsonObjectIsReturnedAsStored() {
        assertThat(
                        ChannelConfigs.parse("{\"value\": \"ops@example.org\", \"up\": false}")
                                .toString())
                .isEqualTo("{\"value\":\"ops@example.org\",\"up\":false}");
        assertThat(
                        ChannelConfigs.parse(
                                        "{\"url_down\": \"https://x/\", \"headers_down\": {\"a\": \"b\"}}")
                                .path("headers_down")
                                .path("a")
                                .asText())
                .isEqualTo("b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops@example.org", "[1, 2]", "\"quoted\"", "42", "{broken", "true"})
    void anythingButAJsonObjectIsTheLegacyPlainValue(String stored) {
        assertThat(ChannelConfigs.parse(stored).toString())
                .isEqualTo("{\"value\":" + quoted(stored) + "}");
        assertThat(ChannelConfigs.parse(stored).path("value").asText()).isEqualTo(stored);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void nothingStoredIsAnEmptyObject(String stored) {
        assertThat(ChannelConfigs.parse(stored).isEmpty()).isTrue();
    }

    @Test
    void eachParseReturnsItsOwnObject() {
        String stored = "{\"value\": \"a@example.org\"}";
        ChannelConfigs.parse(stored).put("value", "changed");
        assertThat(ChannelConfigs.parse(stored).path("value").asText()).isEqualTo("a@example.org");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
