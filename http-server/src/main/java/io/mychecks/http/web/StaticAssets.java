package io.mychecks.http.web;

import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web UI's stylesheet, script and icons, read once from the class path and served at {@code
 * /static/<version>/<file>}. The version is a hash of their content, so browsers keep them for a
 * year and fetch the new ones when an upgrade changes them.
 */
public final class StaticAssets implements HttpHandler {
    static final List<String> FILES =
            List.of("app.css", "app.js", "favicon.svg", "favicon-down.svg");

    /** Files of well-kept libraries, from their webjars: the name served, the class-path path. */
    static final Map<String, String> LIBRARIES =
            Map.of(
                    "uplot.min.js",
                            "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                    "uplot.min.css", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css");

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String version;

    public StaticAssets() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, String> all = new LinkedHashMap<>();
            FILES.forEach(f -> all.put(f, "/io/mychecks/http/static/" + f));
            new java.util.TreeMap<>(LIBRARIES).forEach(all::put);
            for (Map.Entry<String, String> e : all.entrySet()) {
                String name = e.getKey();
                try (InputStream in = StaticAssets.class.getResourceAsStream(e.getValue())) {
                    if (in == null) {
                        throw new IllegalStateException("asset missing from the build: " + name);
                    }
                    byte[] b = in.readAllBytes();
                    files.put(name, b);
                    sha.update(b);
                }
            }
            version = HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current version, the first path segment under {@code /static/}. */
    public String version() {
        return version;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        byte[] body = files.get(Router.param(ex, "file"));
        if (body == null) {
            Responses.text(ex, 404, "not found");
            return;
        }
        String name = Router.param(ex, "file");
        ex.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, type(name))
                .put(
                        Headers.CACHE_CONTROL,
                        version.equals(Router.param(ex, "version"))
                                ? "public, max-age=31536000, immutable"
                                : "no-cache");
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static String type(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "image/svg+xml";
    }
}
