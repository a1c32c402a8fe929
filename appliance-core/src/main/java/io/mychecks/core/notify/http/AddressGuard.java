package io.mychecks.core.notify.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Keeps integrations away from the appliance's own network: a host is refused when any address it
 * resolves to is internal ({@link #isInternal}: loopback, private, link-local, unique-local,
 * shared, documentation, benchmarking, multicast, reserved or unspecified), unless
 * INTEGRATIONS_ALLOW_PRIVATE_IPS=True.
 */
public final class AddressGuard {
    /** The error text of a refused host, as the reference words it. */
    public static final String REFUSED = "Connections to private IP addresses are not allowed";

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Dns {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** Thrown by {@link #resolve} when the host has an internal address. */
    public static final class RefusedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException() {
            super(REFUSED);
        }
    }

    private final Predicate<InetAddress> refused;
    private final Dns dns;

    public AddressGuard(boolean allowPrivate) {
        this(allowPrivate ? a -> false : AddressGuard::isInternal, InetAddress::getAllByName);
    }

    /** A guard refusing what {@code refused} accepts, looking names up with {@code dns}. */
    AddressGuard(Predicate<InetAddress> refused, Dns dns) {
        this.refused = refused;
        this.dns = dns;
    }

    /**
     * Looks {@code host} up once and returns all its addresses, each checked: the caller must
     * connect only to these, so a second lookup cannot answer differently (DNS rebinding).
     *
     * @throws RefusedAddressException when any of them is refused
     * @throws UnknownHostException when the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = dns.lookup(host);
        for (InetAddress a : all) {
            if (refused.test(a)) {
                throw new RefusedAddressException();
            }
        }
        return all;
    }

    /**
     * Returns true when {@code host} may be contacted. Throws UnknownHostException when it does not
     * resolve.
     */
    public boolean permits(String host) throws UnknownHostException {
        try {
            resolve(host);
            return true;
        } catch (RefusedAddressException e) {
            return false;
        }
    }

    /**
     * True for addresses that are not on the public internet: every range of Python's {@code
     * ipaddress.is_private} (3.12.4 and later, the reference's rule), and on top of it
     *
     * <ul>
     *   <li>the whole of 192.0.0.0/24 and 2001::/23 (is_private spares a few anycast and ORCHID
     *       blocks inside them; no webhook target lives there);
     *   <li>100.64.0.0/10, shared address space (carrier-grade NAT, and Tailscale's tailnet): not
     *       private in Python's sense, but never a public host either;
     *   <li>multicast (224.0.0.0/4, ff00::/8) and the deprecated IPv6 site-local fec0::/10;
     *   <li>an IPv4 address carried inside IPv6 (mapped ::ffff:0:0/96, compatible ::/96, translated
     *       ::ffff:0:0:0/96, NAT64 64:ff9b::/96) is judged as that IPv4 address.
     * </ul>
     */
    public static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            byte[] v4 = embeddedV4(b);
            if (v4 != null) {
                return inAny(V4_INTERNAL, v4);
            }
            return inAny(V6_INTERNAL, b);
        }
        return inAny(V4_INTERNAL, b);
    }

    /** A network: the first {@code bits} bits of {@code prefix}. */
    private record Block(byte[] prefix, int bits) {
        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            try {
                byte[] prefix = InetAddress.getByName(literal).getAddress();
                if (prefix.length == 4 && literal.contains(":")) {
                    // Java turns ::ffff:a.b.c.d into IPv4; the block is the IPv6 form
                    byte[] v6 = new byte[16];
                    v6[10] = (byte) 0xff;
                    v6[11] = (byte) 0xff;
                    System.arraycopy(prefix, 0, v6, 12, 4);
                    prefix = v6;
                }
                return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Block> V4_INTERNAL =
            Stream.of(
                            "0.0.0.0/8", // "this network"
                            "10.0.0.0/8", // private
                            "100.64.0.0/10", // shared address space (not is_private)
                            "127.0.0.0/8", // loopback
                            "169.254.0.0/16", // link-local, cloud metadata
                            "172.16.0.0/12", // private
                            "192.0.0.0/24", // IETF protocol assignments
                            "192.0.2.0/24", // documentation TEST-NET-1
                            "192.168.0.0/16", // private
                            "198.18.0.0/15", // benchmarking
                            "198.51.100.0/24", // documentation TEST-NET-2
                            "203.0.113.0/24", // documentation TEST-NET-3
                            "224.0.0.0/4", // multicast (not is_private)
                            "240.0.0.0/4") // reserved, and 255.255.255.255
                    .map(Block::of)
                    .toList();

    private static final List<Block> V6_INTERNAL =
            Stream.of(
                            "::/128", // unspecified
                            "::1/128", // loopback
                            "64:ff9b:1::/48", // local-use NAT64
                            "100::/64", // discard-only
                            "2001::/23", // IETF protocol assignments (Teredo, ORCHID, …)
                            "2001:db8::/32", // documentation
                            "2002::/16", // 6to4
                            "3fff::/20", // documentation
                            "fc00::/7", // unique local
                            "fe80::/10", // link-local
                            "fec0::/10", // site-local, deprecated (not is_private)
                            "ff00::/8") // multicast (not is_private)
                    .map(Block::of)
                    .toList();

    /** IPv6 ranges whose last 32 bits are an IPv4 address that decides. */
    private static final List<Block> V6_CARRYING_V4 =
            Stream.of(
                            "::ffff:0:0/96", // IPv4-mapped
                            "::ffff:0:0:0/96", // IPv4-translated (SIIT)
                            "64:ff9b::/96") // NAT64 well-known prefix
                    .map(Block::of)
                    .toList();

    private static boolean inAny(List<Block> blocks, byte[] address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The IPv4 address inside {@code b} (mapped, translated, NAT64, or IPv4-compatible {@code
     * ::a.b.c.d} other than {@code ::} and {@code ::1}), or null.
     */
    private static byte[] embeddedV4(byte[] b) {
        byte[] v4 = Arrays.copyOfRange(b, 12, 16);
        if (inAny(V6_CARRYING_V4, b)) {
            return v4;
        }
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        // :: and ::1 are IPv6's own unspecified and loopback addresses
        boolean ownV6 = v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && (v4[3] & 0xfe) == 0;
        return compatible && !ownV6 ? v4 : null;
    }
}
