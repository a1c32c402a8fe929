package io.mychecks.core.notify.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.mychecks.core.notify.http.OutboundHttp.Failure;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client connects to the checked address, yet TLS still speaks to the URL's host name: SNI and
 * certificate checks use the name, never the address.
 */
class OutboundHttpTlsTest {
    static final char[] PASSWORD = "changeit".toCharArray();
    static HttpsServer server;
    static SSLContext clientTls;
    static final List<String> sniNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        // a certificate for hook.test only: no IP address in it
        Path store = dir.resolve("hook.p12");
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "hook",
                                "-keyalg",
                                "EC",
                                "-dname",
                                "CN=hook.test",
                                "-ext",
                                "SAN=dns:hook.test",
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                store.toString(),
                                "-storepass",
                                new String(PASSWORD))
                        .redirectErrorStream(true)
                        .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", ks.getCertificate("hook"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(
                new HttpsConfigurator(serverTls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = serverTls.getDefaultSSLParameters();
                        p.setSNIMatchers(List.of(new RecordingMatcher()));
                        params.setSSLParameters(p);
                    }
                });
        server.createContext(
                "/",
                ex -> {
                    ex.sendResponseHeaders(204, -1);
                    ex.close();
                });
        server.start();
        Files.deleteIfExists(store);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** Notes the SNI name of each handshake and accepts it. */
    static final class RecordingMatcher extends SNIMatcher {
        RecordingMatcher() {
            super(0); // host_name
        }

        @Override
        public boolean matches(SNIServerName name) {
            sniNames.add(((SNIHostName) name).getAsciiName());
            return true;
        }
    }

    /** A client whose DNS answers 127.0.0.1 for every *.test name. */
    static OutboundHttp client() {
        AddressGuard.Dns dns =
                host ->
                        host.endsWith(".test")
                                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                                : InetAddress.getAllByName(host);
        return new OutboundHttp(
                new AddressGuard(a -> false, dns), Duration.ofSeconds(5), clientTls);
    }

    static String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/";
    }

    @Test
    void theCertificateAndSniAreCheckedAgainstTheHostName() throws Exception {
        sniNames.clear();
        assertThat(client().send("GET", url("hook.test"), Map.of(), null).status()).isEqualTo(204);
        assertThat(sniNames).containsExactly("hook.test");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        Failure f =
                catchThrowableOfType(
                        Failure.class,
                        () -> client().send("GET", url("other.test"), Map.of(), null));
        assertThat(f.reason()).isEqualTo(Failure.Reason.CONNECTION_FAILED);
        assertThat(f.getMessage()).isEqualTo("TLS handshake failed");
        // and the address itself does not pass for the name either
        Failure byAddress =
                catchThrowableOfType(
                        Failure.class,
                        () -> client().send("GET", url("127.0.0.1"), Map.of(), null));
        assertThat(byAddress.reason()).isEqualTo(Failure.Reason.CONNECTION_FAILED);
    }
}
