package io.mychecks.core.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    /**
     * Every range of Python's ipaddress.is_private (3.12.4+), its edges, and the ranges we refuse
     * on top of it; "internal" is what the guard must answer.
     */
    @ParameterizedTest(name = "{0} internal={1}")
    @CsvSource({
        // IPv4, is_private
        "0.0.0.0, true",
        "0.255.255.255, true",
        "1.0.0.0, false",
        "9.255.255.255, false",
        "10.0.0.0, true",
        "10.255.255.255, true",
        "11.0.0.0, false",
        "126.255.255.255, false",
        "127.0.0.1, true",
        "127.255.255.254, true",
        "128.0.0.0, false",
        "169.253.255.255, false",
        "169.254.169.254, true",
        "169.255.0.0, false",
        "172.15.255.255, false",
        "172.16.0.1, true",
        "172.31.255.255, true",
        "172.32.0.1, false",
        "192.0.0.1, true",
        "192.0.0.9, true", // is_private spares it; we refuse all of 192.0.0.0/24
        "192.0.0.170, true",
        "192.0.1.1, false",
        "192.0.2.1, true",
        "192.0.3.1, false",
        "192.167.255.255, false",
        "192.168.1.1, true",
        "192.169.0.0, false",
        "198.17.255.255, false",
        "198.18.0.1, true",
        "198.19.255.255, true",
        "198.20.0.0, false",
        "198.51.100.7, true",
        "198.51.101.0, false",
        "203.0.113.9, true",
        "203.0.114.0, false",
        "240.0.0.1, true",
        "255.255.255.255, true",
        // IPv4, refused on top of is_private
        "100.63.255.255, false",
        "100.64.0.1, true",
        "100.127.255.255, true",
        "100.128.0.1, false",
        "224.0.0.1, true",
        "239.255.255.255, true",
        // IPv4, public
        "8.8.8.8, false",
        "1.1.1.1, false",
        "223.255.255.255, false",
        // IPv6, is_private
        "::, true",
        "::1, true",
        "::2, true", // IPv4-compatible ::0.0.0.2, in 0.0.0.0/8
        "64:ff9b:1::1, true",
        "100::1, true",
        "100::ffff:ffff:ffff:ffff, true",
        "100:0:0:1::, false",
        "2001::1, true",
        "2001:1ff:ffff::1, true",
        "2001:200::1, false",
        "2001:db8::1, true",
        "2001:db8:ffff::1, true",
        "2001:db9::1, false",
        "2002::1, true",
        "3fff::1, true",
        "fc00::1, true",
        "fd12:3456::1, true",
        "fe80::1, true",
        "febf::1, true",
        // IPv6, refused on top of is_private
        "fec0::1, true",
        "ff02::1, true",
        // IPv6 carrying IPv4: the IPv4 address decides
        "::ffff:10.0.0.1, true",
        "::ffff:127.0.0.1, true",
        "::ffff:8.8.4.4, false",
        "::127.0.0.1, true",
        "::8.8.8.8, false",
        "::ffff:0:7f00:1, true",
        "::ffff:0:808:808, false",
        "64:ff9b::7f00:1, true",
        "64:ff9b::a9fe:a9fe, true",
        "64:ff9b::808:808, false",
        // IPv6, public
        "2001:4860:4860::8888, false",
        "2606:4700::1111, false",
    })
    void classifiesAddresses(String literal, boolean internal) throws Exception {
        InetAddress a = InetAddress.getByName(literal);
        assertThat(AddressGuard.isInternal(a)).isEqualTo(internal);
        String host = literal.contains(":") ? "[" + literal + "]" : literal;
        assertThat(new AddressGuard(false).permits(host)).isEqualTo(!internal);
        assertThat(new AddressGuard(true).permits(host)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "10.1.2.3, true", "8.8.4.4, false"})
    void mappedAddressesKeptAsIpv6AreJudgedByTheirIpv4(String v4, boolean internal)
            throws Exception {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, b, 12, 4);
        // Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByAddress would map
        assertThat(AddressGuard.isInternal(Inet6Address.getByAddress(null, b, -1)))
                .isEqualTo(internal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost"})
    void namesResolvingToLoopbackAreRefused(String name) throws Exception {
        assertThat(new AddressGuard(false).permits(name)).isFalse();
        assertThat(new AddressGuard(true).permits(name)).isTrue();
    }
}
