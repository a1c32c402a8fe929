package io.mychecks.core.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.ChannelSecrets;
import io.mychecks.core.notify.ConfigErrors;
import io.mychecks.core.notify.FieldError;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.testing.SampleAlerts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookConfigTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final WebhookNotifier notifier =
            new WebhookNotifier(new OutboundHttp(false, Duration.ofSeconds(1)));

    static ObjectNode json(String s) {
        try {
            return (ObjectNode) MAPPER.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    ObjectNode parse(String request) throws InvalidChannelException {
        return notifier.parseConfig(json(request));
    }

    @Test
    void storesEveryFieldWithSortedKeysAndDefaults() throws Exception {
        ObjectNode c =
                parse(
                        "{'kind': 'webhook', 'name': 'n', 'url_down': 'https://example.org/down',"
                                + " 'method_up': 'POST', 'url_up': 'http://hook/up?x=$NAME', 'body_up': '$JSON',"
                                + " 'headers_up': {'X-Zeta': 'z', 'Authorization': 'Bearer t'}}");
        assertThat(MAPPER.writeValueAsString(c))
                .isEqualTo(
                        "{\"body_down\":\"\",\"body_up\":\"$JSON\",\"headers_down\":{},"
                                + "\"headers_up\":{\"Authorization\":\"Bearer t\",\"X-Zeta\":\"z\"},\"method_down\":\"GET\",\"method_up\":\"POST\","
                                + "\"url_down\":\"https://example.org/down\",\"url_up\":\"http://hook/up?x=$NAME\"}");
        ObjectNode shown = ChannelSecrets.mask(notifier.describe(c));
        assertThat(shown.path("headers_up").path("Authorization").asText()).isEqualTo("********");
        assertThat(shown.path("headers_up").path("X-Zeta").asText()).isEqualTo("z");
        assertThat(shown.path("url_up").asText()).isEqualTo("http://hook/up?x=$NAME");
        assertThat(c.path("headers_up").path("Authorization").asText()).isEqualTo("Bearer t");
    }

    @Test
    void everyBadFieldIsReportedOnceForAFormAndTheApiGetsTheFirst() {
        ConfigErrors errors = new ConfigErrors();
        WebhookConfig none =
                WebhookConfigParser.parse(
                        json(
                                "{'url_down': 'ftp://x', 'method_down': 'DELETE', 'body_up': 5,"
                                        + " 'headers_up': {'Host': 'a', 'X-A': 5}}"),
                        errors);
        assertThat(none).isNull();
        assertThat(errors.list())
                .containsExactly(
                        new FieldError("method_down", "method_down has unexpected value"),
                        new FieldError("url_down", "url_down is not a valid http or https URL"),
                        new FieldError("body_up", "body_up is not a string"),
                        new FieldError("headers_up", "header Host in headers_up is not allowed"));
        assertThatThrownBy(() -> parse("{'url_down': 'ftp://x', 'method_down': 'DELETE'}"))
                .hasMessage("json validation error: method_down has unexpected value");
    }

    @Test
    void theRecordRoundTripsThroughTheStoredJson() throws Exception {
        ObjectNode stored =
                parse(
                        "{'url_up': 'https://example.org/up', 'method_up': 'PUT', 'body_up': '$NAME',"
                                + " 'headers_up': {'X-B': 'b', 'X-A': 'a'}}");
        WebhookConfig config = WebhookConfig.fromStored(stored);
        assertThat(config.up())
                .isEqualTo(
                        new WebhookSpec(
                                "PUT",
                                "https://example.org/up",
                                "$NAME",
                                java.util.Map.of("X-A", "a", "X-B", "b")));
        assertThat(config.down().isEmpty()).isTrue();
        assertThat(config.toStored()).isEqualTo(stored);
        // what the API shows (before masking) can be sent back to create the same channel
        assertThat(parse(config.describe().toString().replace('"', '\''))).isEqualTo(stored);
    }

    @Test
    void wantsOnlyTheDirectionsWithUrls() throws Exception {
        ObjectNode c = parse("{'url_down': 'https://example.org/down'}");
        var channel = SampleAlerts.channel("webhook", c.toString(), false);
        assertThat(notifier.wants(channel, c, CheckStatus.DOWN)).isTrue();
        assertThat(notifier.wants(channel, c, CheckStatus.UP)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                  | at least one of url_down and url_up is required",
                "{'url_down': '', 'url_up': ''}                      | at least one of url_down and url_up is required",
                "{'url_down': 5}                                     | url_down is not a string",
                "{'url_down': null}                                  | url_down is not a string",
                "{'url_up': 'ftp://example.org/'}                    | url_up is not a valid http or https URL",
                "{'url_up': 'example.org/hook'}                      | url_up is not a valid http or https URL",
                "{'url_up': 'http://exa mple.org/'}                  | url_up is not a valid http or https URL",
                "{'url_up': 'http:///path'}                          | url_up is not a valid http or https URL",
                "{'url_down': 'http://e.org/', 'method_down': 'DELETE'} | method_down has unexpected value",
                "{'url_down': 'http://e.org/', 'method_down': 'get'}    | method_down has unexpected value",
                "{'url_down': 'http://e.org/', 'method_up': 1}          | method_up is not a string",
                "{'url_down': 'http://e.org/', 'body_down': []}         | body_down is not a string",
                "{'url_down': 'http://e.org/', 'headers_down': 'X: y'}  | headers_down is not an object",
                "{'url_down': 'http://e.org/', 'headers_down': {'X': 1}} | the value of header X in headers_down is not a string",
                "{'url_down': 'http://e.org/', 'headers_up': {'Bad Name': 'v'}} | header name \"Bad Name\" in headers_up is not valid",
                "{'url_down': 'http://e.org/', 'headers_up': {'': 'v'}}  | header name \"\" in headers_up is not valid",
                "{'url_down': 'http://e.org/', 'headers_up': {'Host': 'v'}} | header Host in headers_up is not allowed",
                "{'url_down': 'http://e.org/', 'headers_up': {'X': 'a\\nb'}} | the value of header X in headers_up contains control characters",
            })
    void rejectsBadFields(String request, String error) {
        assertThatThrownBy(() -> parse(request))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessage("json validation error: " + error);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Transfer-Encoding",
                "transfer-encoding",
                "Content-Length",
                "Connection",
                "Keep-Alive",
                "Proxy-Connection",
                "TE",
                "Trailer",
                "Upgrade",
                "Host",
                "Expect"
            })
    void rejectsHopByHopAndFramingHeaders(String name) {
        for (String field : List.of("headers_down", "headers_up")) {
            assertThatThrownBy(
                            () ->
                                    parse(
                                            "{'url_down': 'http://e.org/', '"
                                                    + field
                                                    + "': {'X-Fine': 'v', '"
                                                    + name
                                                    + "': 'chunked'}}"))
                    .isInstanceOf(InvalidChannelException.class)
                    .hasMessage(
                            "json validation error: header "
                                    + name
                                    + " in "
                                    + field
                                    + " is not allowed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\rb", "a\\nb", "a\\r\\nX-Injected: 1", "a\\u0000b", "\\u007f"})
    void rejectsControlCharactersInHeaderValues(String value) {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{'url_down': 'http://e.org/', 'headers_down': {'X-A': '"
                                                + value
                                                + "'}}"))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessage(
                        "json validation error: the value of header X-A in headers_down contains"
                                + " control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-A\\r\\nX-B", "X-A\\n", "X\\u0000A", "X:A"})
    void rejectsHeaderNamesThatAreNotTokens(String name) {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{'url_down': 'http://e.org/', 'headers_down': {'"
                                                + name
                                                + "': 'v'}}"))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessageStartingWith("json validation error: header name ")
                .hasMessageEndingWith(" in headers_down is not valid");
    }

    @Test
    void rejectsValuesLongerThan1000Characters() {
        String longUrl = "http://example.org/" + "a".repeat(1000);
        String longText = "b".repeat(1001);
        for (String request :
                List.of(
                        "{'url_down': '" + longUrl + "'}",
                        "{'url_down': 'http://e.org/', 'body_down': '" + longText + "'}",
                        "{'url_down': 'http://e.org/', 'headers_down': {'X': '" + longText + "'}}",
                        "{'url_down': 'http://e.org/', 'headers_down': {'"
                                + longText
                                + "': 'v'}}")) {
            assertThatThrownBy(() -> parse(request))
                    .isInstanceOf(InvalidChannelException.class)
                    .hasMessageContaining("too long");
        }
    }

    @Test
    void acceptsValuesOf1000Characters() throws Exception {
        String url = "http://example.org/" + "a".repeat(1000 - 19);
        ObjectNode c =
                parse(
                        "{'url_down': '"
                                + url
                                + "', 'method_down': 'PUT', 'body_down': '"
                                + "b".repeat(1000)
                                + "'}");
        assertThat(c.get("url_down").asText()).hasSize(1000);
        assertThat(c.get("method_down").asText()).isEqualTo("PUT");
    }
}
