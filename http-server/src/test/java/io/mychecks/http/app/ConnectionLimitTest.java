package io.mychecks.http.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mychecks.core.settings.Listen;
import io.mychecks.http.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Past its connection bound the web server answers 503 with Retry-After, not silence. */
class ConnectionLimitTest {
    TestApp t;
    HttpServer server;
    final List<Socket> idle = new ArrayList<>();

    @BeforeEach
    void start() {
        t = new TestApp();
        server = new HttpServer(t.app, new Listen("127.0.0.1", 0), 4);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : idle) {
            s.close();
        }
        server.stop();
        t.close();
    }

    /**
     * One request on a connection of its own; returns the whole raw answer, read until the server
     * closes the connection (asked for with {@code close}).
     */
    String get(String path, boolean close) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + (close ? "Connection: close\r\n" : "")
                                    + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsPastTheBoundGet503AndServiceResumesWhenConnectionsClose() throws IOException {
        String ok = "/api/v3/status/";
        for (int i = 0; i < 6; i++) {
            idle.add(new Socket("127.0.0.1", server.port()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() >= 6);

        // a keep-alive request: the server itself closes the connection it refused
        String refused = get(ok, false);
        assertThat(refused).startsWith("HTTP/1.1 503 ");
        assertThat(refused.toLowerCase()).contains("retry-after: 1").contains("connection: close");
        assertThat(refused).endsWith("too many connections, try again");

        for (Socket s : idle) {
            s.close();
        }
        idle.clear();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() <= 1);
        assertThat(get(ok, true)).startsWith("HTTP/1.1 200 ");
    }
}
