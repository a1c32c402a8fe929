package io.mychecks.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.settings.AddressRanges;
import io.mychecks.core.settings.ProxySslHeader;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which proxy headers are believed, from whom, for what. */
class ClientAddressTest {
    static final Optional<ProxySslHeader> HTTPS_HEADER =
            ProxySslHeader.parse("HTTP_X_FORWARDED_PROTO,https");

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /** Request headers: names match whatever their case, as in HTTP. */
    static UnaryOperator<String> headers(String name, String value) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put(name, value);
        return map::get;
    }

    static ClientAddress trusting(String proxies) {
        return new ClientAddress(AddressRanges.parse(proxies), HTTPS_HEADER);
    }

    @Test
    void withNoTrustedProxiesNothingSecurityRelevantBelievesForwardedFor() throws Exception {
        ClientAddress none = trusting("");
        for (String peer : new String[] {"127.0.0.1", "10.0.0.5", "203.0.113.7", "::1"}) {
            assertThat(none.trusted(ip(peer), "198.51.100.1")).isEqualTo(ip(peer).getHostAddress());
        }
    }

    @Test
    void withNoTrustedProxiesAPingRecordsForwardedForAsTheReferenceDoes() throws Exception {
        ClientAddress none = trusting("");
        assertThat(none.forPing(ip("203.0.113.7"), "198.51.100.1, 10.0.0.1"))
                .isEqualTo("198.51.100.1");
        assertThat(none.forPing(ip("203.0.113.7"), null)).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.1.2.3, true",
        "10.0.0.0/8, 11.1.2.3, false",
        "'127.0.0.1, 192.168.1.0/24', 192.168.1.200, true",
        "'127.0.0.1, 192.168.1.0/24', 192.168.2.1, false",
        "'127.0.0.1, 192.168.1.0/24', 127.0.0.1, true",
        "fd00::/8, fd12::1, true",
        "fd00::/8, fe80::1, false",
        "172.16.0.0/12, 172.31.255.255, true",
        "172.16.0.0/12, 172.32.0.0, false",
        "10.0.0.1, ::ffff:10.0.0.1, true",
        "0.0.0.0/0, 8.8.8.8, true",
    })
    void onlyTrustedProxiesAreBelieved(String proxies, String peer, boolean believed)
            throws Exception {
        ClientAddress c = trusting(proxies);
        String expected = believed ? "198.51.100.1" : ip(peer).getHostAddress();
        assertThat(c.trusted(ip(peer), "198.51.100.1")).isEqualTo(expected);
        assertThat(c.forPing(ip(peer), "198.51.100.1")).isEqualTo(expected);
        assertThat(c.scheme(ip(peer), "http", headers("X-Forwarded-Proto", "https")))
                .isEqualTo(believed ? "https" : "http");
    }

    @ParameterizedTest
    @CsvSource({
        "'203.0.113.9:5555, 10.0.0.1', 203.0.113.9",
        "'2001:db8::1, 10.0.0.1', 2001:db8::1",
        "'[2001:db8::2]:443', 2001:db8::2",
        "unknown, 10.0.0.5",
        "'1.2.3.4<script>', 10.0.0.5",
        "'', 10.0.0.5",
    })
    void theFirstForwardedEntryCountsOnlyWhenItIsAnAddress(String header, String recorded)
            throws Exception {
        ClientAddress c = trusting("10.0.0.0/8");
        assertThat(c.trusted(ip("10.0.0.5"), header)).isEqualTo(recorded);
        assertThat(c.trusted(ip("10.0.0.5"), "x".repeat(300))).isEqualTo("10.0.0.5");
    }

    @Test
    void forwardedProtoMeansNothingWithoutSecureProxySslHeader() throws Exception {
        ClientAddress c = new ClientAddress(AddressRanges.parse(""), Optional.empty());
        assertThat(c.scheme(ip("127.0.0.1"), "http", headers("X-Forwarded-Proto", "https")))
                .isEqualTo("http");
    }

    @Test
    void secureProxySslHeaderNamesTheHeaderAndTheValueThatMeansHttps() throws Exception {
        ClientAddress c =
                new ClientAddress(
                        AddressRanges.parse(""), ProxySslHeader.parse("HTTP_X_SCHEME,on"));
        InetAddress peer = ip("203.0.113.7");
        assertThat(c.scheme(peer, "http", headers("X-Scheme", "on"))).isEqualTo("https");
        assertThat(c.scheme(peer, "http", headers("X-Scheme", "off"))).isEqualTo("http");
        assertThat(c.scheme(peer, "http", headers("X-Forwarded-Proto", "https"))).isEqualTo("http");
        assertThat(c.scheme(peer, "http", headers("X-Other", "1"))).isEqualTo("http");
    }

    @Test
    void aMissingPeerIsNull() {
        assertThat(trusting("").trusted(null, "1.2.3.4")).isNull();
        assertThat(trusting("10.0.0.0/8").forPing(null, "1.2.3.4")).isNull();
    }
}
