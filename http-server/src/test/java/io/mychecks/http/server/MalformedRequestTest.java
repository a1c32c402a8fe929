package io.mychecks.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.http.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests written to the socket as they are: malformed, stalled, or waiting for a 100. */
class MalformedRequestTest {
    /** One server for the whole class. */
    static final TestApp t = new TestApp();

    @org.junit.jupiter.api.AfterAll
    static void stopServer() {
        t.close();
    }

    String raw(String request) throws IOException {
        URI base = URI.create(t.url("/"));
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/ping/5ca3e43c-c5c0-478b-bd51-eef3b5894377",
                "/api/v3/checks/",
                "/api/v3/bounces/"
            })
    void anImpossibleContentLengthIsABadRequest(String path) throws IOException {
        String response =
                raw(
                        "POST "
                                + path
                                + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Length: 99999999999999999999999\r\n"
                                + "Connection: close\r\n\r\nabc");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).doesNotContain("Exception");
    }

    /** A chunked request of {@code megabytes} in 64 kB chunks, answered as a whole. */
    String chunked(String path, int megabytes) throws IOException {
        StringBuilder request =
                new StringBuilder(
                        "POST "
                                + path
                                + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < megabytes * 16; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n");
            request.append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        return raw(request.toString());
    }

    @org.junit.jupiter.api.Test
    void aChunkedPingBodyOverTheCapIsRefusedWithAnAnswer() throws IOException {
        String response = chunked("/ping/5ca3e43c-c5c0-478b-bd51-eef3b5894377", 3);
        assertThat(response).startsWith("HTTP/1.1 400").endsWith("request body too large");
    }

    @org.junit.jupiter.api.Test
    void aChunkedApiBodyOverTheCapGets413() throws IOException {
        String response = chunked("/api/v3/checks/", 5);
        assertThat(response).startsWith("HTTP/1.1 413").endsWith("request body too large");
    }

    @org.junit.jupiter.api.Test
    void aChunkedPingBodyUnderTheCapIsRecorded() throws IOException {
        var check = t.fx.aliceCheck(b -> {});
        String response = chunked("/ping/" + check.code(), 1);
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("OK");
        assertThat(t.fx.reload(check).state().nPings()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void clientsThatNeverFinishTheirBodiesDoNotStallTheApi() throws Exception {
        URI base = URI.create(t.url("/"));
        java.util.List<Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket(base.getHost(), base.getPort());
                s.getOutputStream()
                        .write(
                                ("POST /api/v3/checks/ HTTP/1.1\r\nHost: localhost\r\n"
                                                + "Content-Length: 100\r\n\r\n{")
                                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            long started = System.nanoTime();
            TestApp.Resp r = t.get("/api/v3/checks/", "X-Api-Key", t.fx.aliceApiKey);
            assertThat(r.status()).isEqualTo(200);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(java.time.Duration.ofSeconds(5));
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v3/checks/", "/ping/5ca3e43c-c5c0-478b-bd51-eef3b5894377"})
    void expectContinueGetsItsHundredBeforeTheBodyIsSent(String path) throws IOException {
        URI base = URI.create(t.url("/"));
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(500); // curl waits 1 s for the 100 before sending anyway
            OutputStream out = s.getOutputStream();
            out.write(
                    ("POST "
                                    + path
                                    + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                                    + t.fx.aliceApiKey
                                    + "\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] first = new byte[12];
            int n = s.getInputStream().readNBytes(first, 0, 12);
            assertThat(new String(first, 0, n, StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "2, 2"})
    void aContentLengthThatIsNoNumberIsABadRequest(String length) throws IOException {
        String response =
                raw(
                        "POST /api/v3/checks/ HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Length: "
                                + length
                                + "\r\nConnection: close\r\n\r\n{}");
        assertThat(response).startsWith("HTTP/1.1 400");
    }
}
