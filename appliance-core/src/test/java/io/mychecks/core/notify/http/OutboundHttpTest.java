package io.mychecks.core.notify.http;

import static io.mychecks.core.notify.http.RawHttpServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.http.OutboundHttp.Failure;
import io.mychecks.core.notify.http.OutboundHttp.Failure.Reason;
import io.mychecks.core.testing.HttpSink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OutboundHttpTest {
    final HttpSink sink = new HttpSink();

    /** Host names the fake DNS was asked for, in order. */
    final List<String> lookups = new ArrayList<>();

    /** Refuses internal addresses except the sink's own 127.0.0.1; real DNS. */
    final OutboundHttp http =
            new OutboundHttp(
                    new AddressGuard(
                            a ->
                                    AddressGuard.isInternal(a)
                                            && !a.getHostAddress().equals("127.0.0.1"),
                            InetAddress::getAllByName),
                    Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        sink.close();
    }

    /** A client whose DNS answers {@code answers} in turn (the last one repeats). */
    OutboundHttp withDns(Predicate<InetAddress> refused, String... answers) {
        AddressGuard.Dns dns =
                host -> {
                    if (!host.endsWith(".test")) {
                        return InetAddress.getAllByName(host);
                    }
                    synchronized (lookups) {
                        lookups.add(host);
                        String answer = answers[Math.min(lookups.size(), answers.length) - 1];
                        return new InetAddress[] {InetAddress.getByName(answer)};
                    }
                };
        return new OutboundHttp(new AddressGuard(refused, dns), Duration.ofSeconds(5));
    }

    static Failure failure(ThrowingSend send) {
        return catchThrowableOfType(Failure.class, send::run);
    }

    @FunctionalInterface
    interface ThrowingSend {
        void run() throws Exception;
    }

    @Test
    void everyRedirectTargetIsCheckedBeforeItIsContacted() {
        sink.respond(302, Map.of("Location", "http://10.0.0.1/internal"));
        Failure f = failure(() -> http.send("GET", sink.url("/start"), Map.of(), null));
        assertThat(f.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(f.delivery()).isEqualTo(Delivery.failed(AddressGuard.REFUSED));
        assertThat(sink.requests()).extracting(HttpSink.Request::path).containsExactly("/start");
    }

    @Test
    void redirectToANameWithAnInternalAddressIsRefused() {
        OutboundHttp guarded =
                withDns(
                        a -> AddressGuard.isInternal(a) && !a.getHostAddress().equals("127.0.0.1"),
                        "10.1.2.3");
        sink.respond(301, Map.of("Location", "http://intranet.test/"));
        Failure f = failure(() -> guarded.send("GET", sink.url("/"), Map.of(), null));
        assertThat(f.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(lookups).containsExactly("intranet.test");
        assertThat(sink.requests()).hasSize(1);
    }

    @Test
    void redirectToAnotherSchemeFails() {
        sink.respond(301, Map.of("Location", "ftp://user:secret@example.org/file"));
        Failure f = failure(() -> http.send("GET", sink.url("/"), Map.of(), null));
        assertThat(f.reason()).isEqualTo(Reason.INVALID_URL);
        assertThat(f.delivery().result()).isEqualTo(Delivery.Result.FAILED);
        assertThat(f.getMessage()).doesNotContain("secret");
    }

    @Test
    void relativeRedirectsResolveAgainstTheCurrentUrl() throws Exception {
        sink.respond(308, Map.of("Location", "next?x=1"));
        assertThat(http.send("PUT", sink.url("/dir/first"), Map.of(), "b".getBytes()).status())
                .isEqualTo(200);
        assertThat(sink.requests().get(1).path()).isEqualTo("/dir/next");
        assertThat(sink.requests().get(1).query()).isEqualTo("x=1");
        assertThat(sink.requests().get(1).method()).isEqualTo("PUT");
        assertThat(sink.requests().get(1).bodyText()).isEqualTo("b");
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedUnlessPrivateAddressesAreAllowed() throws Exception {
        String url = "http://hook.test:" + sink.url().replaceAll(".*:", "") + "/x";
        Failure f =
                failure(
                        () ->
                                withDns(AddressGuard::isInternal, "127.0.0.1")
                                        .send("GET", url, Map.of(), null));
        assertThat(f.delivery()).isEqualTo(Delivery.failed(AddressGuard.REFUSED));
        assertThat(sink.requests()).isEmpty();

        OutboundHttp.Response r = withDns(a -> false, "127.0.0.1").send("GET", url, Map.of(), null);
        assertThat(r.status()).isEqualTo(200);
        // the name, not the address, is what the target sees
        assertThat(sink.single().header("Host")).isEqualTo(url.substring(7, url.length() - 2));
    }

    @Test
    void theCheckedAddressIsTheOneConnectedTo() throws Exception {
        // DNS rebinding: a first answer that passes, later answers that would not
        Predicate<InetAddress> refuses127002 = a -> a.getHostAddress().equals("127.0.0.2");
        String url = "http://rebind.test:" + sink.url().replaceAll(".*:", "") + "/";
        OutboundHttp rebinding = withDns(refuses127002, "127.0.0.1", "127.0.0.2");
        assertThat(rebinding.send("GET", url, Map.of(), null).status()).isEqualTo(200);
        assertThat(lookups).containsExactly("rebind.test");
        assertThat(sink.requests()).hasSize(1);

        // and the other way round: refused at the one lookup, never contacted
        lookups.clear();
        OutboundHttp refusedFirst = withDns(refuses127002, "127.0.0.2", "127.0.0.1");
        assertThat(failure(() -> refusedFirst.send("GET", url, Map.of(), null)).reason())
                .isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(lookups).containsExactly("rebind.test");
        assertThat(sink.requests()).hasSize(1);
    }

    @Test
    void unknownHostIsARetriedConnectionFailure() {
        OutboundHttp noDns =
                new OutboundHttp(
                        new AddressGuard(
                                a -> false,
                                host -> {
                                    throw new UnknownHostException(host);
                                }),
                        Duration.ofSeconds(5));
        Failure f = failure(() -> noDns.send("GET", "http://nowhere.test/", Map.of(), null));
        assertThat(f.delivery()).isEqualTo(Delivery.retry("Could not resolve host"));
    }

    @Test
    // a regression must fail, not hang on the trickle
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyTrickledAfterTheHeadersEndsAtTheDeadline() throws Exception {
        try (RawHttpServer trickle =
                new RawHttpServer(
                        out -> {
                            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"));
                            out.flush();
                            while (true) {
                                out.write('x');
                                out.flush();
                                Thread.sleep(1000);
                            }
                        })) {
            OutboundHttp quick = new OutboundHttp(true, Duration.ofSeconds(2));
            long start = System.nanoTime();
            Failure f = failure(() -> quick.send("GET", trickle.url("/"), Map.of(), null));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(f.delivery()).isEqualTo(Delivery.retry("Connection timed out"));
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            // the connection was closed, not left to the trickler
            assertThat(trickle.clientClosed(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void headersThatNeverComeEndAtTheDeadline() throws Exception {
        try (RawHttpServer silent = new RawHttpServer(out -> Thread.sleep(60_000))) {
            OutboundHttp quick = new OutboundHttp(true, Duration.ofMillis(1500));
            long start = System.nanoTime();
            Failure f = failure(() -> quick.send("POST", silent.url("/"), Map.of(), new byte[10]));
            assertThat(f.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSlowLookupEndsAtTheDeadline() {
        OutboundHttp slowDns =
                new OutboundHttp(
                        new AddressGuard(
                                a -> false,
                                host -> {
                                    try {
                                        Thread.sleep(60_000);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    throw new UnknownHostException(host);
                                }),
                        Duration.ofMillis(1500));
        long start = System.nanoTime();
        Failure f = failure(() -> slowDns.send("GET", "http://slow.test/", Map.of(), null));
        assertThat(f.delivery()).isEqualTo(Delivery.retry("Connection timed out"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLongBodyIsCutAtTheLimitWithoutWaitingForTheRest() throws Exception {
        try (RawHttpServer endless =
                new RawHttpServer(
                        out -> {
                            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n"));
                            out.write(new byte[OutboundHttp.MAX_BODY + 1000]);
                            out.flush();
                            while (true) { // the rest comes slowly, and never ends
                                Thread.sleep(100);
                                out.write('x');
                                out.flush();
                            }
                        })) {
            long start = System.nanoTime();
            OutboundHttp.Response r =
                    new OutboundHttp(true, Duration.ofSeconds(20))
                            .send("GET", endless.url("/"), Map.of(), null);
            // cut off at once, not drained until the deadline
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).hasSize(OutboundHttp.MAX_BODY);
            assertThat(r.truncated()).isTrue();
            assertThat(endless.clientClosed(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void statusHeadersAndBodyReachTheCaller() throws Exception {
        try (RawHttpServer busy =
                new RawHttpServer(
                        out ->
                                out.write(
                                        ascii(
                                                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n"
                                                        + "X-Many: a\r\nx-many: b\r\nContent-Length: 5\r\n"
                                                        + "Connection: close\r\n\r\nbusy!")))) {
            OutboundHttp.Response r =
                    new OutboundHttp(true, Duration.ofSeconds(5))
                            .send("GET", busy.url("/"), Map.of(), null);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.headers().firstValue("retry-after")).contains("120");
            assertThat(r.headers().allValues("X-MANY")).containsExactly("a", "b");
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("busy!");
            assertThat(r.truncated()).isFalse();
        }
    }

    @Test
    void framingAndHopByHopHeadersOfCallersAreDropped() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Transfer-Encoding", "chunked");
        headers.put("Content-Length", "1");
        headers.put("Host", "evil.example");
        headers.put("Connection", "Upgrade");
        headers.put("X-Kept", "yes");
        http.send(
                "POST",
                sink.url("/"),
                headers,
                "0\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n".getBytes());
        HttpSink.Request r = sink.single();
        assertThat(r.header("Transfer-Encoding")).isNull();
        assertThat(r.header("Host")).isEqualTo(sink.url().substring(7));
        assertThat(r.header("X-Kept")).isEqualTo("yes");
        assertThat(r.bodyText()).startsWith("0\r\n\r\nGET /smuggled");
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthenticationNotPartOfTheRequestLine() throws Exception {
        http.send(
                "GET",
                sink.url("/hook?x=1").replace("http://", "http://hook%40user:p%3Ass@"),
                Map.of(),
                null);
        HttpSink.Request r = sink.single();
        assertThat(r.header("Authorization"))
                .isEqualTo(
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "hook@user:p:ss".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("Host")).isEqualTo(sink.url().substring(7));
    }
}
