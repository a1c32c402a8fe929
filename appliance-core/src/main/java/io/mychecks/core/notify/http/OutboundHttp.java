package io.mychecks.core.notify.http;

import io.mychecks.core.notify.Delivery;
import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one HTTP request of an integration and turns the outcome into a {@link Delivery}.
 *
 * <ol>
 *   <li>Every host on the way (redirects included) passes the {@link AddressGuard} first.
 *   <li>Up to 3 redirects are followed; 303, and 301/302 after a POST, continue as GET.
 *   <li>All hops together stay within the timeout (10 s by default).
 *   <li>200, 201, 202 and 204 are success; 5xx, 408 and 429 are retried; 410 is permanent (the
 *       target is gone); any other status fails.
 * </ol>
 */
public final class OutboundHttp {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String USER_AGENT = "Mychecks";
    private static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204);

    /**
     * Header names (lower case) a caller may not set: hop-by-hop and message-framing headers, which
     * the client writes itself. A caller's Transfer-Encoding or Content-Length could frame the
     * request differently from the client's and smuggle a second request to the target.
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

    private final AddressGuard guard;
    private final Duration timeout;
    private final HttpClient client;

    public OutboundHttp(boolean allowPrivate, Duration timeout) {
        this(new AddressGuard(allowPrivate), timeout);
    }

    OutboundHttp(AddressGuard guard, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(
                                HttpClient.Redirect.NEVER) // we follow them, checking each host
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /** Returns a sender honouring INTEGRATIONS_ALLOW_PRIVATE_IPS, with the default timeout. */
    public static OutboundHttp fromSettings(Settings settings) {
        return new OutboundHttp(settings.bool("INTEGRATIONS_ALLOW_PRIVATE_IPS"), DEFAULT_TIMEOUT);
    }

    /**
     * Sends {@code method} to {@code url} with {@code headers} (see {@link #headerValue}) and
     * {@code body} (null for none); never throws for network or HTTP problems.
     */
    public Delivery send(String method, String url, Map<String, String> headers, byte[] body) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            URI uri = URI.create(url);
            String m = method;
            byte[] b = body;
            for (int hop = 0; ; hop++) {
                Optional<Delivery> refused = check(uri);
                if (refused.isPresent()) {
                    return refused.get();
                }
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    return Delivery.retry("Connection timed out");
                }
                HttpResponse<Void> r =
                        client.send(
                                request(m, uri, headers, b, left),
                                HttpResponse.BodyHandlers.discarding());
                int status = r.statusCode();
                Optional<String> location = r.headers().firstValue("Location");
                if (isRedirect(status) && location.isPresent() && hop < MAX_REDIRECTS) {
                    uri = uri.resolve(location.get().strip());
                    if (status == 303 || ((status == 301 || status == 302) && m.equals("POST"))) {
                        m = "GET";
                        b = null;
                    }
                    continue;
                }
                return classify(status);
            }
        } catch (HttpTimeoutException e) {
            return Delivery.retry("Connection timed out");
        } catch (IOException e) {
            return Delivery.retry("Connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("Interrupted");
        } catch (IllegalArgumentException e) {
            return Delivery.failed("Invalid request: " + e.getMessage());
        }
    }

    private Optional<Delivery> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of(Delivery.failed("Invalid URL: " + uri));
        }
        try {
            return guard.permits(uri.getHost())
                    ? Optional.empty()
                    : Optional.of(Delivery.failed(AddressGuard.REFUSED));
        } catch (UnknownHostException e) {
            return Optional.of(Delivery.retry("Connection failed"));
        }
    }

    private static HttpRequest request(
            String method, URI uri, Map<String, String> headers, byte[] body, Duration left) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(left);
        boolean agent = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            rb.header(h.getKey(), headerValue(h.getValue()));
            agent |= h.getKey().equalsIgnoreCase("User-Agent");
        }
        if (!agent) {
            rb.header("User-Agent", USER_AGENT);
        }
        rb.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        return rb.build();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static Delivery classify(int status) {
        if (SUCCESS.contains(status)) {
            return Delivery.ok();
        }
        String error = "Received status code " + status;
        if (status >= 500 || status == 408 || status == 429) {
            return Delivery.retry(error);
        }
        return status == 410 ? Delivery.permanent(error) : Delivery.failed(error);
    }

    /**
     * Returns {@code value} as a header value the JDK client sends intact. The reference sends
     * latin-1 with XML character references beyond it; the JDK client writes headers as ASCII
     * (other characters become "?"), so every non-ASCII character becomes a reference ({@code é} →
     * {@code &#233;}, {@code €} → {@code &#8364;}). Control characters become spaces.
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
