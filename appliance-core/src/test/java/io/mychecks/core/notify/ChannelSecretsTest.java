package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the API may show of a channel's URLs and headers. */
class ChannelSecretsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://user:pass@hooks.example.org/x        | https://********@hooks.example.org/x
            https://token@hooks.example.org              | https://********@hooks.example.org
            http://a:b@c@host:8080/p?q=1                 | http://********@host:8080/p?q=********
            https://example.org/h?token=abc&n=$NAME&flag | https://example.org/h?token=********&n=$NAME&flag
            https://example.org/h?a=&b=$STATUS$NAME      | https://example.org/h?a=&b=********
            https://example.org/h#access_token=xyz       | https://example.org/h#********
            https://example.org/down?n=$NAME             | https://example.org/down?n=$NAME
            https://example.org/plain/path               | https://example.org/plain/path
            http://[::1]:8080/?k=v                       | http://[::1]:8080/?k=********
            """)
    void urlsLoseTheirCredentialsButKeepTheirShape(String url, String shown) {
        assertThat(ChannelSecrets.url(url)).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization",
                "proxy-authorization",
                "Cookie",
                "Set-Cookie",
                "X-Hub-Key",
                "X-Api-Key",
                "apikey",
                "X-Auth-Token",
                "X-Hub-Signature",
                "X-Secret",
                "X-Password",
                "Passphrase",
                "X-Session-Id",
                "X-Credentials",
                "X-AMZ-SECURITY-TOKEN"
            })
    void secretLookingHeadersAreMasked(String name) throws Exception {
        ObjectNode config = MAPPER.createObjectNode();
        config.putObject("headers_down").put(name, "s3cr3t").put("Content-Type", "text/plain");
        config.putObject("headers_up").put(name, "s3cr3t");
        String shown = ChannelSecrets.mask(config).toString();
        assertThat(shown).doesNotContain("s3cr3t");
        assertThat(config.path("headers_down").path(name).asText()).isEqualTo(ChannelSecrets.MASK);
        assertThat(config.path("headers_down").path("Content-Type").asText())
                .isEqualTo("text/plain");
    }

    @Test
    void urlFieldsAreMaskedAndOtherFieldsLeftAlone() {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("url_down", "https://u:p@example.org/?key=k1");
        config.put("url_up", "");
        config.put("body_down", "$JSON");
        config.put("method_down", "POST");
        config.put("email", "ops@example.org");
        ChannelSecrets.mask(config);
        assertThat(config.path("url_down").asText())
                .isEqualTo("https://********@example.org/?key=********");
        assertThat(config.path("url_up").asText()).isEmpty();
        assertThat(config.path("body_down").asText()).isEqualTo("$JSON");
        assertThat(config.path("email").asText()).isEqualTo("ops@example.org");
    }
}
