package io.mychecks.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.http.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void hostNamesAreComparedWithoutPortAndCase() {
        assertThat(AllowedHosts.hostName("Checks.Example.ORG:8000"))
                .isEqualTo("checks.example.org");
        assertThat(AllowedHosts.hostName("[::1]:8000")).isEqualTo("[::1]");
        assertThat(AllowedHosts.hostName("")).isNull();
        AllowedHosts h = new AllowedHosts("checks.example.org, .lan", ex -> {});
        assertThat(h.isAllowed("checks.example.org")).isTrue();
        assertThat(h.isAllowed("nas.lan")).isTrue();
        assertThat(h.isAllowed("lan")).isTrue();
        assertThat(h.isAllowed("evil.example.org")).isFalse();
        assertThat(h.isAllowed("notlan")).isFalse();
    }

    @Test
    void aRequestForAnotherHostIsRefusedAndAnAllowedOneServed() throws Exception {
        try (TestApp other = new TestApp(Map.of("ALLOWED_HOSTS", "checks.example.org"))) {
            TestApp.Resp r = other.get("/api/v3/status/");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("host not allowed");
            assertThat(rawWithoutHost(other)).startsWith("HTTP/1.0 400");
        }
        try (TestApp local = new TestApp(Map.of("ALLOWED_HOSTS", "127.0.0.1,localhost"))) {
            assertThat(local.get("/api/v3/status/").status()).isEqualTo(200);
        }
    }

    @Test
    void gzipIsUsedWhenEnabledAndAsked() {
        try (TestApp t = new TestApp(Map.of("USE_GZIP_MIDDLEWARE", "True"))) {
            TestApp.Resp r =
                    t.get(
                            "/api/v3/checks/",
                            "X-Api-Key",
                            t.fx.aliceApiKey,
                            "Accept-Encoding",
                            "gzip");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        }
    }

    /** An HTTP/1.0 request, which may leave out the Host header. */
    static String rawWithoutHost(TestApp t) throws java.io.IOException {
        java.net.URI base = java.net.URI.create(t.url("/"));
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(
                            "GET /api/v3/status/ HTTP/1.0\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(
                    s.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
