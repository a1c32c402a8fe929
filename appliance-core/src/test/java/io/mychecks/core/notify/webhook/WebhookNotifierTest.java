package io.mychecks.core.notify.webhook;

import static io.mychecks.core.testing.SampleAlerts.alert;
import static io.mychecks.core.testing.SampleAlerts.channel;
import static io.mychecks.core.testing.SampleAlerts.check;
import static io.mychecks.core.testing.SampleAlerts.ping;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Delivery.Result;
import io.mychecks.core.notify.http.OutboundHttp;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.testing.HttpSink;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookNotifierTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final HttpSink sink = new HttpSink();
    final WebhookNotifier notifier =
            new WebhookNotifier(new OutboundHttp(true, Duration.ofSeconds(5)));

    @AfterEach
    void stop() {
        sink.close();
    }

    ObjectNode config(String request) throws Exception {
        return notifier.parseConfig(
                (ObjectNode)
                        MAPPER.readTree(request.replace('\'', '"').replace("SINK", sink.url())));
    }

    Delivery deliver(WebhookNotifier n, ObjectNode config, CheckStatus status) {
        var channel = channel("webhook", config.toString(), false);
        return n.deliver(
                alert(
                        channel,
                        check(b -> b.name = "nightly backup"),
                        status,
                        ping(PingKind.FAIL, "oops", 1)),
                config);
    }

    Delivery deliver(ObjectNode config, CheckStatus status) {
        return deliver(notifier, config, status);
    }

    @Test
    void getSendsFilledUrlWithoutBodyAndWithDefaultUserAgent() throws Exception {
        Delivery d =
                deliver(
                        config(
                                "{'url_down': 'SINK/hook/$STATUS?name=$NAME', 'body_down': 'ignored for GET'}"),
                        CheckStatus.DOWN);
        assertThat(d).isEqualTo(Delivery.ok());
        HttpSink.Request r = sink.single();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/hook/down");
        assertThat(r.query()).isEqualTo("name=nightly%20backup");
        assertThat(r.body()).isEmpty();
        assertThat(r.header("User-Agent")).isEqualTo("Mychecks");
    }

    @Test
    void postSendsFilledBodyAndHeaders() throws Exception {
        ObjectNode c =
                config(
                        "{'url_up': 'SINK/up', 'method_up': 'POST', 'body_up': '{\\'name\\': $NAME_JSON, \\'body\\': $BODY_JSON}',"
                                + " 'headers_up': {'Content-Type': 'application/json', 'X-Check': '$NAME ($STATUS)', 'User-Agent': 'mine'}}");
        assertThat(deliver(c, CheckStatus.UP).isOk()).isTrue();
        HttpSink.Request r = sink.single();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.bodyText()).isEqualTo("{\"name\": \"nightly backup\", \"body\": \"oops\"}");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Check")).isEqualTo("nightly backup (up)");
        assertThat(r.header("User-Agent")).isEqualTo("mine");
    }

    @Test
    void putSendsBodyAndEmptyBodyIsNotSent() throws Exception {
        deliver(
                config("{'url_down': 'SINK/a', 'method_down': 'PUT', 'body_down': '$EXITSTATUS'}"),
                CheckStatus.DOWN);
        deliver(config("{'url_down': 'SINK/b', 'method_down': 'POST'}"), CheckStatus.DOWN);
        var requests = sink.requests();
        assertThat(requests.get(0).method()).isEqualTo("PUT");
        assertThat(requests.get(0).bodyText()).isEqualTo("1");
        assertThat(requests.get(1).method()).isEqualTo("POST");
        assertThat(requests.get(1).body()).isEmpty();
    }

    @Test
    void nonAsciiHeaderValuesArriveAsCharacterReferences() throws Exception {
        deliver(
                config("{'url_down': 'SINK/h', 'headers_down': {'X-Text': 'café € ok'}}"),
                CheckStatus.DOWN);
        assertThat(sink.single().header("X-Text")).isEqualTo("caf&#233; &#8364; ok");
        assertThat(OutboundHttp.headerValue("a\r\nb\tc")).isEqualTo("a  b\tc");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void successStatusesAreOk(int status) throws Exception {
        sink.respond(status);
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.ok());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void serverErrorsAreRetried(int status) throws Exception {
        sink.respond(status);
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.retry("Received status code " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 203})
    void otherStatusesFail(int status) throws Exception {
        sink.respond(status);
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.failed("Received status code " + status));
    }

    @Test
    void goneIsPermanent() throws Exception {
        sink.respond(410);
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN).result())
                .isEqualTo(Result.PERMANENT);
    }

    @Test
    void redirectsAreFollowedAndSeeOtherTurnsPostIntoGet() throws Exception {
        sink.respond(307, Map.of("Location", "/second"))
                .respond(303, Map.of("Location", sink.url("/third")))
                .respond(200);
        Delivery d =
                deliver(
                        config(
                                "{'url_down': 'SINK/first', 'method_down': 'POST', 'body_down': 'data'}"),
                        CheckStatus.DOWN);
        assertThat(d).isEqualTo(Delivery.ok());
        var r = sink.requests();
        assertThat(r)
                .extracting(HttpSink.Request::path)
                .containsExactly("/first", "/second", "/third");
        assertThat(r).extracting(HttpSink.Request::method).containsExactly("POST", "POST", "GET");
        assertThat(new String(r.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("data");
        assertThat(r.get(2).body()).isEmpty();
    }

    @Test
    void atMostThreeRedirectsAreFollowed() throws Exception {
        for (int i = 0; i < 5; i++) {
            sink.respond(302, Map.of("Location", "/loop" + i));
        }
        Delivery d = deliver(config("{'url_down': 'SINK/start'}"), CheckStatus.DOWN);
        assertThat(d).isEqualTo(Delivery.failed("Received status code 302"));
        assertThat(sink.requests()).hasSize(4);
    }

    @Test
    void privateAddressesAreRefusedByDefault() throws Exception {
        WebhookNotifier strict =
                new WebhookNotifier(new OutboundHttp(false, Duration.ofSeconds(5)));
        for (String url :
                new String[] {sink.url("/"), sink.url("/").replace("127.0.0.1", "localhost")}) {
            ObjectNode c = config("{'url_down': '" + url + "'}");
            assertThat(deliver(strict, c, CheckStatus.DOWN))
                    .isEqualTo(
                            Delivery.failed("Connections to private IP addresses are not allowed"));
        }
        assertThat(sink.requests()).isEmpty();
    }

    @Test
    void privateAddressesAreAllowedByTheSetting() throws Exception {
        var settings =
                io.mychecks.core.settings.Settings.of(
                        Map.of("INTEGRATIONS_ALLOW_PRIVATE_IPS", "True"));
        WebhookNotifier allowed =
                (WebhookNotifier)
                        new WebhookNotifierFactory().create(settings, java.time.Clock.systemUTC());
        assertThat(deliver(allowed, config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.ok());
        assertThat(sink.requests()).hasSize(1);
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedWhenTheSettingIsFalse() throws Exception {
        var settings =
                io.mychecks.core.settings.Settings.of(
                        Map.of("INTEGRATIONS_ALLOW_PRIVATE_IPS", "False"));
        WebhookNotifier strict =
                (WebhookNotifier)
                        new WebhookNotifierFactory().create(settings, java.time.Clock.systemUTC());
        ObjectNode c =
                config("{'url_down': '" + sink.url("/x").replace("127.0.0.1", "localhost") + "'}");
        assertThat(deliver(strict, c, CheckStatus.DOWN))
                .isEqualTo(Delivery.failed("Connections to private IP addresses are not allowed"));
        assertThat(sink.requests()).isEmpty();
    }

    @Test
    void retryAfterOfA503IsPassedOnWithTheRetry() throws Exception {
        sink.respond(503, Map.of("Retry-After", "120"));
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.retry("Received status code 503", Duration.ofSeconds(120)));
    }

    @Test
    void retryAfterOfA429IsPassedOnAndA404KeepsItsRule() throws Exception {
        sink.respond(429, Map.of("Retry-After", "7"));
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.retry("Received status code 429", Duration.ofSeconds(7)));
        sink.respond(404, Map.of("Retry-After", "7"));
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.failed("Received status code 404"));
    }

    @Test
    void slowServerTimesOutAndIsRetried() throws Exception {
        sink.delay(Duration.ofSeconds(3));
        WebhookNotifier quick = new WebhookNotifier(new OutboundHttp(true, Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThat(deliver(quick, config("{'url_down': 'SINK/'}"), CheckStatus.DOWN))
                .isEqualTo(Delivery.retry("Connection timed out"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ObjectNode c = config("{'url_down': 'http://127.0.0.1:" + port + "/'}");
        assertThat(deliver(c, CheckStatus.DOWN)).isEqualTo(Delivery.retry("Connection failed"));
    }

    @Test
    void directionWithoutUrlSendsNothing() throws Exception {
        assertThat(deliver(config("{'url_down': 'SINK/'}"), CheckStatus.UP))
                .isEqualTo(Delivery.ok());
        assertThat(sink.requests()).isEmpty();
    }

    @Test
    void webhooksCanBeDisabled() {
        var off = io.mychecks.core.settings.Settings.of(Map.of("WEBHOOKS_ENABLED", "False"));
        var registry =
                io.mychecks.core.notify.NotifierRegistry.of(
                        java.util.List.of(new WebhookNotifierFactory()),
                        off,
                        java.time.Clock.systemUTC());
        assertThat(registry.find("webhook")).isEmpty();
        assertThat(registry.descriptions())
                .singleElement()
                .satisfies(d -> assertThat(d.enabled()).isFalse());
    }
}
