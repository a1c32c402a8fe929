package io.mychecks.core.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.5.5.5",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "240.0.0.1",
                "198.18.0.1",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:10.0.0.1",
                "::ffff:127.0.0.1",
                "::127.0.0.1"
            })
    void internalAddressesAreRefused(String literal) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).isTrue();
        assertThat(
                        new AddressGuard(false)
                                .permits(literal.contains(":") ? "[" + literal + "]" : literal))
                .isFalse();
        assertThat(
                        new AddressGuard(true)
                                .permits(literal.contains(":") ? "[" + literal + "]" : literal))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "172.32.0.1",
                "100.128.0.1",
                "2001:4860:4860::8888",
                "::ffff:8.8.4.4"
            })
    void publicAddressesArePermitted(String literal) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).isFalse();
        assertThat(
                        new AddressGuard(false)
                                .permits(literal.contains(":") ? "[" + literal + "]" : literal))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost"})
    void namesResolvingToLoopbackAreRefused(String name) throws Exception {
        assertThat(new AddressGuard(false).permits(name)).isFalse();
    }
}
