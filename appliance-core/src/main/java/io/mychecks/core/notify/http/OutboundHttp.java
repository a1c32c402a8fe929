package io.mychecks.core.notify.http;

import io.mychecks.core.notify.Delivery;
import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The integrations' shared HTTP client: sends one request and returns what the target answered
 * ({@link Response}: status, headers, a bounded body), or a {@link Failure} when no answer came.
 * Each notifier kind decides itself what a status or header means for its delivery.
 *
 * <ol>
 *   <li>Host names are looked up once per connection, every address is checked by the {@link
 *       AddressGuard}, and the connection goes to exactly those addresses (Apache HttpClient's
 *       {@link DnsResolver}): no second lookup can answer differently (DNS rebinding). TLS still
 *       checks the certificate against the URL's host name.
 *   <li>Up to 3 redirects are followed, each target checked the same way; 303, and 301/302 after a
 *       POST, continue as GET.
 *   <li>The whole exchange (lookup, connect, send, headers, body, every redirect) has one deadline,
 *       the timeout (10 s by default; the reference gives a request 30 s, but tries it 3 times in a
 *       row, where we retry later). At the deadline the connection is closed, which releases the
 *       calling thread, and the result is a timeout.
 *   <li>At most {@link #MAX_BODY} bytes of a response body are read; when the target sends more,
 *       the connection is cut off and the response marked truncated.
 *   <li>Connections are not kept alive and no proxy, cookie or automatic retry is used.
 * </ol>
 */
public final class OutboundHttp {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String USER_AGENT = "Mychecks";

    /** The most bytes of a response body kept. */
    public static final int MAX_BODY = 64 * 1024;

    private static final int MAX_REDIRECTS = 3;

    /**
     * Header names (lower case) a caller may not set: hop-by-hop and message-framing headers, which
     * the client writes itself. A caller's Transfer-Encoding or Content-Length could frame the
     * request differently from the client's and smuggle a second request to the target. {@link
     * #send} drops them (configs stored before they were refused).
     */
    public static final Set<String> FORBIDDEN_HEADERS =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "keep-alive",
                    "proxy-connection",
                    "te",
                    "trailer",
                    "transfer-encoding",
                    "upgrade");

    /** Closes the connections of exchanges past their deadline. */
    private static final ScheduledThreadPoolExecutor ALARMS =
            new ScheduledThreadPoolExecutor(1, daemon("outbound-http-deadline"));

    /**
     * Runs host name lookups, which the JDK cannot interrupt, so that a slow DNS server holds a
     * lookup thread rather than the caller past its deadline.
     */
    private static final ExecutorService LOOKUPS =
            Executors.newCachedThreadPool(daemon("outbound-http-dns"));

    /** The deadline (System.nanoTime) of the exchange running on this thread, for lookups. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    static {
        ALARMS.setRemoveOnCancelPolicy(true);
    }

    /** What the target answered; {@code truncated} when the body was longer than MAX_BODY. */
    public record Response(int status, HttpHeaders headers, byte[] body, boolean truncated) {}

    /** No answer from the target: the reason, and the delivery outcome it means for any kind. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        /** Why no answer came. */
        public enum Reason {
            /** Not an http or https URL with a host (also a redirect to one). */
            INVALID_URL,
            /** The host has an internal address and INTEGRATIONS_ALLOW_PRIVATE_IPS=False. */
            REFUSED_ADDRESS,
            /** The deadline passed (connect, send or response). */
            TIMEOUT,
            /** Unknown host, refused or broken connection, failed TLS, a malformed response. */
            CONNECTION_FAILED
        }

        private final Reason reason;

        Failure(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        /** Invalid URLs and refused addresses fail; timeouts and connection problems retry. */
        public Delivery delivery() {
            return switch (reason) {
                case INVALID_URL, REFUSED_ADDRESS -> Delivery.failed(getMessage());
                case TIMEOUT, CONNECTION_FAILED -> Delivery.retry(getMessage());
            };
        }
    }

    private final Duration timeout;
    private final CloseableHttpClient client;

    public OutboundHttp(boolean allowPrivate, Duration timeout) {
        this(new AddressGuard(allowPrivate), timeout);
    }

    OutboundHttp(AddressGuard guard, Duration timeout) {
        this(guard, timeout, null);
    }

    /** A client trusting the certificates of {@code tls} (tests); null for the JDK's defaults. */
    OutboundHttp(AddressGuard guard, Duration timeout, SSLContext tls) {
        this.timeout = timeout;
        Timeout t = Timeout.of(timeout);
        PoolingHttpClientConnectionManagerBuilder connections =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver(guard))
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(t)
                                        .setSocketTimeout(t)
                                        .build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(t).build())
                        .setMaxConnTotal(256)
                        .setMaxConnPerRoute(256);
        if (tls != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        this.client =
                HttpClients.custom()
                        .setConnectionManager(connections.build())
                        .setConnectionReuseStrategy((request, response, context) -> false)
                        .disableRedirectHandling() // we follow them, each hop within the deadline
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .disableContentCompression()
                        .setUserAgent(USER_AGENT)
                        .build();
    }

    /** Returns a sender honouring INTEGRATIONS_ALLOW_PRIVATE_IPS, with the default timeout. */
    public static OutboundHttp fromSettings(Settings settings) {
        return new OutboundHttp(settings.bool("INTEGRATIONS_ALLOW_PRIVATE_IPS"), DEFAULT_TIMEOUT);
    }

    /**
     * Sends {@code method} to {@code url} with {@code headers} (values passed through {@link
     * #headerValue}; forbidden names dropped) and {@code body} (null for none), following
     * redirects, and returns the last answer.
     *
     * @throws Failure when no answer came within the deadline, or the URL or address is refused
     */
    public Response send(String method, String url, Map<String, String> headers, byte[] body)
            throws Failure {
        Exchange exchange = new Exchange();
        ScheduledFuture<?> alarm =
                ALARMS.schedule(exchange::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        DEADLINE.set(deadline);
        try {
            URI uri = parse(url);
            String m = method;
            byte[] b = body;
            for (int hop = 0; ; hop++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut();
                }
                Response r = exchange.run(request(m, uri, headers, b, left));
                String location = r.headers().firstValue("Location").orElse(null);
                if (!isRedirect(r.status()) || location == null || hop >= MAX_REDIRECTS) {
                    return r;
                }
                uri = parse(uri, location.strip());
                if (r.status() == 303
                        || ((r.status() == 301 || r.status() == 302) && m.equals("POST"))) {
                    m = "GET";
                    b = null;
                }
            }
        } catch (AddressGuard.RefusedAddressException e) {
            throw new Failure(Failure.Reason.REFUSED_ADDRESS, AddressGuard.REFUSED);
        } catch (IOException e) {
            if (exchange.expired
                    || System.nanoTime() - deadline >= 0
                    || e instanceof InterruptedIOException) {
                throw timedOut();
            }
            String error =
                    e instanceof UnknownHostException
                            ? "Could not resolve host"
                            : e instanceof SSLException
                                    ? "TLS handshake failed"
                                    : "Connection failed";
            throw new Failure(Failure.Reason.CONNECTION_FAILED, error);
        } finally {
            alarm.cancel(false);
            DEADLINE.remove();
        }
    }

    /** The requests of one {@link #send}, and its deadline's alarm. */
    private final class Exchange {
        private volatile HttpUriRequestBase current;
        private volatile boolean expired;

        void expire() {
            expired = true;
            HttpUriRequestBase r = current;
            if (r != null) {
                r.cancel(); // closes the connection: a blocked read or connect ends at once
            }
        }

        Response run(HttpUriRequestBase request) throws IOException {
            current = request;
            if (expired) {
                request.cancel();
            }
            ClassicHttpResponse r = client.executeOpen(null, request, null);
            try {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Header h : r.getHeaders()) {
                    headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
                }
                byte[] body = new byte[0];
                boolean truncated = false;
                HttpEntity entity = r.getEntity();
                if (entity != null) {
                    InputStream in = entity.getContent();
                    body = in.readNBytes(MAX_BODY);
                    truncated = in.read() != -1;
                }
                return new Response(
                        r.getCode(), HttpHeaders.of(headers, (n, v) -> true), body, truncated);
            } finally {
                // drop the connection rather than drain what is left of the body
                request.cancel();
                try {
                    r.close();
                } catch (IOException e) {
                    // the cancelled connection is gone; nothing left to release
                }
            }
        }
    }

    private static URI parse(String url) throws Failure {
        try {
            return checked(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new Failure(Failure.Reason.INVALID_URL, "Invalid URL");
        }
    }

    private static URI parse(URI base, String location) throws Failure {
        try {
            return checked(base.resolve(location));
        } catch (IllegalArgumentException e) {
            throw new Failure(Failure.Reason.INVALID_URL, "Invalid redirect URL");
        }
    }

    private static URI checked(URI uri) throws Failure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new Failure(Failure.Reason.INVALID_URL, "Invalid URL");
        }
        return uri;
    }

    private static Failure timedOut() {
        return new Failure(Failure.Reason.TIMEOUT, "Connection timed out");
    }

    private static HttpUriRequestBase request(
            String method, URI uri, Map<String, String> headers, byte[] body, long leftNanos) {
        String userInfo = uri.getUserInfo();
        HttpUriRequestBase r = new HttpUriRequestBase(method, withoutUserInfo(uri));
        Timeout left = Timeout.of(Math.max(1, leftNanos / 1_000_000), TimeUnit.MILLISECONDS);
        r.setConfig(
                RequestConfig.custom()
                        .setConnectionRequestTimeout(left)
                        .setResponseTimeout(left)
                        .setExpectContinueEnabled(false)
                        .build());
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!FORBIDDEN_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                r.setHeader(h.getKey(), headerValue(h.getValue()));
            }
        }
        if (userInfo != null && !r.containsHeader("Authorization")) {
            // https://user:password@host/ means HTTP Basic authentication, as curl and Python's
            // requests read it; the credentials never travel in the request line
            String basic =
                    java.util.Base64.getEncoder()
                            .encodeToString(
                                    userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            r.setHeader("Authorization", "Basic " + basic);
        }
        if (body != null) {
            r.setEntity(new ByteArrayEntity(body, null));
        }
        return r;
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String s = uri.toString();
        int at = s.indexOf('@', s.indexOf("//") + 2);
        return URI.create(s.substring(0, s.indexOf("//") + 2) + s.substring(at + 1));
    }

    private static DnsResolver resolver(AddressGuard guard) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                Long deadline = DEADLINE.get();
                if (deadline == null) {
                    return guard.resolve(host);
                }
                Future<InetAddress[]> lookup = LOOKUPS.submit(() -> guard.resolve(host));
                try {
                    return lookup.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownHostException u) {
                        throw u;
                    }
                    throw new UnknownHostException(host);
                } catch (TimeoutException e) {
                    lookup.cancel(true);
                    throw new UnknownHostException("lookup timed out"); // past the deadline
                } catch (InterruptedException e) {
                    lookup.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new UnknownHostException("interrupted");
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // only Kerberos asks, and we never authenticate
            }
        };
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Returns {@code value} as a header value the target receives intact. The reference sends
     * latin-1 with XML character references beyond it; we write headers as ASCII, so every
     * non-ASCII character becomes a reference ({@code é} → {@code &#233;}, {@code €} → {@code
     * &#8364;}). Control characters become spaces.
     */
    public static String headerValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints()
                .forEach(
                        cp -> {
                            if (cp > 0x7e) {
                                sb.append("&#").append(cp).append(';');
                            } else if (cp < 0x20 && cp != '\t') {
                                sb.append(' ');
                            } else {
                                sb.appendCodePoint(cp);
                            }
                        });
        return sb.toString();
    }
}
