package io.mychecks.core.notify.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;

/**
 * Keeps integrations away from the appliance's own network: a host is refused when any address it
 * resolves to is loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
 * broadcast, reserved or unspecified, unless INTEGRATIONS_ALLOW_PRIVATE_IPS=True.
 */
public final class AddressGuard {
    /** The error text of a refused host, as the reference words it. */
    public static final String REFUSED = "Connections to private IP addresses are not allowed";

    private final Predicate<InetAddress> refused;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate ? a -> false : AddressGuard::isInternal);
    }

    /** A guard refusing the addresses {@code refused} accepts (tests use their own rule). */
    AddressGuard(Predicate<InetAddress> refused) {
        this.refused = refused;
    }

    /**
     * Returns true when {@code host} may be contacted. Throws UnknownHostException when it does not
     * resolve.
     */
    public boolean permits(String host) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (refused.test(a)) {
                return false;
            }
        }
        return true;
    }

    /** True for addresses that are not on the public internet. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192
                            && second == 0
                            && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if (isMappedOrCompatibleV4(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return isInternal(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * ::ffff:a.b.c.d (mapped) or ::a.b.c.d (compatible); Java maps only the first to IPv4 itself.
     */
    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
