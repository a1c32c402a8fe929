package io.mychecks.http.notify;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.mychecks.core.notify.DeliveryStatusCallback;
import io.mychecks.http.server.FullBody;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/vN/notifications/<uuid>/status}: a provider's delivery report as form fields.
 * Answers 200 with an empty body whatever the report says (the router answers 405 to other
 * methods), so providers never retry; see {@link DeliveryStatusCallback} for the rules.
 */
public final class NotificationStatusHandler implements HttpHandler {
    private static final Pattern UUID_LOWER =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_FORM = 65_536;

    private final DeliveryStatusCallback callback;
    private final FormParserFactory forms =
            FormParserFactory.builder().withDefaultCharset("UTF-8").build();

    public NotificationStatusHandler(DeliveryStatusCallback callback) {
        this.callback = callback;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws IOException {
        if (ex.isInIoThread() && isMultipart(ex)) {
            ex.dispatch(this); // rare; Undertow's multipart parser reads on the worker
            return;
        }
        if (FullBody.receiveThenDispatch(ex, this)) {
            return;
        }
        String code = Router.param(ex, "code");
        if (!Router.apiVersionKnown(ex) || code == null || !UUID_LOWER.matcher(code).matches()) {
            Responses.text(ex, 404, "not found");
            return;
        }
        callback.apply(UUID.fromString(code), fields(ex));
        Responses.empty(ex, 200);
    }

    /**
     * The fields of a URL-encoded or multipart form body (first value of each); none if the body is
     * no such form or is malformed (bad percent-encoding too) — the provider still gets its 200.
     */
    private Map<String, String> fields(HttpServerExchange ex) throws IOException {
        if (isMultipart(ex)) {
            return multipartFields(ex);
        }
        if (!contentType(ex).startsWith("application/x-www-form-urlencoded")) {
            return new HashMap<>();
        }
        return urlEncodedFields(new String(FullBody.of(ex, MAX_FORM), UTF_8));
    }

    private static Map<String, String> urlEncodedFields(String form) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
                out.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            out.clear();
        }
        return out;
    }

    private static String contentType(HttpServerExchange ex) {
        String type = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    private static boolean isMultipart(HttpServerExchange ex) {
        return contentType(ex).startsWith("multipart/form-data");
    }

    private Map<String, String> multipartFields(HttpServerExchange ex) {
        Map<String, String> out = new HashMap<>();
        ex.startBlocking();
        try (FormDataParser parser = forms.createParser(ex)) {
            if (parser == null) {
                return out;
            }
            FormData data = parser.parseBlocking();
            for (String name : data) {
                FormData.FormValue v = data.getFirst(name);
                if (v != null && !v.isFileItem()) {
                    out.put(name, v.getValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }
}
