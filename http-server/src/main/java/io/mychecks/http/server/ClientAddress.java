package io.mychecks.http.server;

import io.mychecks.core.settings.AddressRanges;
import io.mychecks.core.settings.ProxySslHeader;
import io.mychecks.core.settings.Settings;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where a request came from and over which scheme, believing proxy headers only as the settings
 * say.
 *
 * <ul>
 *   <li>{@link #trusted}: the peer's address, or the first {@code X-Forwarded-For} entry when the
 *       peer is in {@code TRUSTED_PROXIES}. For anything that matters to security.
 *   <li>{@link #forPing}: the address recorded with a ping (display only). With {@code
 *       TRUSTED_PROXIES} empty, the first {@code X-Forwarded-For} entry is believed from anyone, as
 *       the reference does; once it is set, only from those proxies.
 *   <li>{@link #scheme}: {@code https} when the {@code SECURE_PROXY_SSL_HEADER} header carries its
 *       value (and the peer is a trusted proxy, if {@code TRUSTED_PROXIES} is set), else the
 *       connection's own scheme. {@code X-Forwarded-Proto} means nothing without that setting.
 * </ul>
 *
 * A forwarded entry that is not an IP literal is ignored: the peer's address is used.
 */
public final class ClientAddress {
    private static final HttpString XFF = HttpString.tryFromString("X-Forwarded-For");

    /** Characters of an IPv4 or IPv6 literal (with an optional zone), at most 64 of them. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("^(?=.{2,64}$)[0-9a-fA-F.:]+(%[0-9a-zA-Z_.-]+)?$");

    private final AddressRanges trustedProxies;
    private final Optional<ProxySslHeader> sslHeader;

    public ClientAddress(AddressRanges trustedProxies, Optional<ProxySslHeader> sslHeader) {
        this.trustedProxies = trustedProxies;
        this.sslHeader = sslHeader;
    }

    /** Reads TRUSTED_PROXIES and SECURE_PROXY_SSL_HEADER. */
    public static ClientAddress fromSettings(Settings settings) {
        return new ClientAddress(settings.trustedProxies(), settings.secureProxySslHeader());
    }

    /** The client's address as far as trusted proxies vouch for it. */
    public String trusted(HttpServerExchange exchange) {
        return trusted(peer(exchange), exchange.getRequestHeaders().getFirst(XFF));
    }

    /** The address to record with a ping (the reference's rule unless TRUSTED_PROXIES is set). */
    public String forPing(HttpServerExchange exchange) {
        return forPing(peer(exchange), exchange.getRequestHeaders().getFirst(XFF));
    }

    /** {@code https} when a proxy says so as SECURE_PROXY_SSL_HEADER defines, else the own. */
    public String scheme(HttpServerExchange exchange) {
        return scheme(
                peer(exchange),
                exchange.getRequestScheme(),
                name -> exchange.getRequestHeaders().getFirst(HttpString.tryFromString(name)));
    }

    String trusted(InetAddress peer, String forwardedFor) {
        return isTrustedProxy(peer) ? firstForwarded(peer, forwardedFor) : text(peer);
    }

    String forPing(InetAddress peer, String forwardedFor) {
        boolean believe = trustedProxies.isEmpty() || isTrustedProxy(peer);
        return believe ? firstForwarded(peer, forwardedFor) : text(peer);
    }

    String scheme(InetAddress peer, String own, UnaryOperator<String> header) {
        if (sslHeader.isEmpty() || (!trustedProxies.isEmpty() && !isTrustedProxy(peer))) {
            return own;
        }
        String value = header.apply(sslHeader.get().header());
        return sslHeader.get().value().equals(value == null ? null : value.strip()) ? "https" : own;
    }

    private boolean isTrustedProxy(InetAddress peer) {
        return peer != null && trustedProxies.contains(peer);
    }

    private static String firstForwarded(InetAddress peer, String forwardedFor) {
        if (forwardedFor != null) {
            String first = stripPort(forwardedFor.split(",", 2)[0].strip());
            if (IP_LITERAL.matcher(first).matches()) {
                return first;
            }
        }
        // no header, or something that is not an address: the peer itself
        return text(peer);
    }

    private static InetAddress peer(HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        return peer == null ? null : peer.getAddress();
    }

    private static String text(InetAddress address) {
        return address == null ? null : address.getHostAddress();
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
