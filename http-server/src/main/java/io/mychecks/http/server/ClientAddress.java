package io.mychecks.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * The address a request came from. {@code X-Forwarded-For} (first entry, port stripped) is believed
 * only when the direct peer is a loopback or private address — a proxy on the host or the LAN; a
 * client on another network cannot spoof its recorded address. The reference trusts the header from
 * anyone.
 */
public final class ClientAddress {
    private static final HttpString XFF = HttpString.tryFromString("X-Forwarded-For");
    private static final HttpString XFP = HttpString.tryFromString("X-Forwarded-Proto");

    /** Characters of an IPv4 or IPv6 literal (with an optional zone), at most 64 of them. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("^(?=.{2,64}$)[0-9a-fA-F.:]+(%[0-9a-zA-Z_.-]+)?$");

    private ClientAddress() {}

    public static String of(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        InetAddress peerAddress = peer == null ? null : peer.getAddress();
        String direct = peerAddress == null ? null : peerAddress.getHostAddress();
        String forwarded = exchange.getRequestHeaders().getFirst(XFF);
        if (forwarded != null && peerAddress != null && isProxyAddress(peerAddress)) {
            String first = stripPort(forwarded.split(",", 2)[0].strip());
            if (IP_LITERAL.matcher(first).matches()) {
                return first;
            }
        }
        // no header, an untrusted peer, or something that is not an address: the peer itself
        return direct;
    }

    /** The scheme: {@code X-Forwarded-Proto} from a trusted proxy, else the connection's own. */
    public static String scheme(HttpServerExchange exchange) {
        String proto = exchange.getRequestHeaders().getFirst(XFP);
        InetSocketAddress peer = exchange.getSourceAddress();
        if (proto != null
                && peer != null
                && peer.getAddress() != null
                && isProxyAddress(peer.getAddress())) {
            String p = proto.split(",", 2)[0].strip();
            return p.length() > 10 ? p.substring(0, 10) : p;
        }
        return exchange.getRequestScheme();
    }

    static boolean isProxyAddress(InetAddress a) {
        return a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
    }

    /** "1.2.3.4:5678" → "1.2.3.4"; IPv6 addresses (several colons) are kept as they are. */
    static String stripPort(String address) {
        int colon = address.indexOf(':');
        if (colon > 0 && colon == address.lastIndexOf(':') && address.indexOf('.') > 0) {
            return address.substring(0, colon);
        }
        if (address.startsWith("[") && address.contains("]")) {
            return address.substring(1, address.indexOf(']'));
        }
        return address;
    }
}
