package io.mychecks.core.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.notify.Delivery;
import io.mychecks.core.testing.HttpSink;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundHttpTest {
    final HttpSink sink = new HttpSink();
    // refuses every internal address except the sink's own 127.0.0.1
    final OutboundHttp http =
            new OutboundHttp(
                    new AddressGuard(
                            a ->
                                    AddressGuard.isInternal(a)
                                            && !a.getHostAddress().equals("127.0.0.1")),
                    Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void everyRedirectTargetIsCheckedBeforeItIsContacted() {
        sink.respond(302, Map.of("Location", "http://10.0.0.1/internal"));
        Delivery d = http.send("GET", sink.url("/start"), Map.of(), null);
        assertThat(d).isEqualTo(Delivery.failed(AddressGuard.REFUSED));
        assertThat(sink.requests()).extracting(HttpSink.Request::path).containsExactly("/start");
    }

    @Test
    void redirectToAnotherSchemeFails() {
        sink.respond(301, Map.of("Location", "ftp://example.org/file"));
        assertThat(http.send("GET", sink.url("/"), Map.of(), null).result())
                .isEqualTo(Delivery.Result.FAILED);
    }

    @Test
    void relativeRedirectsResolveAgainstTheCurrentUrl() {
        sink.respond(308, Map.of("Location", "next?x=1"));
        assertThat(http.send("PUT", sink.url("/dir/first"), Map.of(), "b".getBytes()))
                .isEqualTo(Delivery.ok());
        assertThat(sink.requests().get(1).path()).isEqualTo("/dir/next");
        assertThat(sink.requests().get(1).query()).isEqualTo("x=1");
        assertThat(sink.requests().get(1).method()).isEqualTo("PUT");
    }
}
