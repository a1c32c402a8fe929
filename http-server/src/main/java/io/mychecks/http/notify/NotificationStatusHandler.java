package io.mychecks.http.notify;

import io.mychecks.core.notify.DeliveryStatusCallback;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import java.io.IOException;
import java.util.HashMap;
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

    private final DeliveryStatusCallback callback;
    private final FormParserFactory forms =
            FormParserFactory.builder().withDefaultCharset("UTF-8").build();

    public NotificationStatusHandler(DeliveryStatusCallback callback) {
        this.callback = callback;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        if (ex.isInIoThread()) {
            ex.dispatch(this);
            return;
        }
        String code = Router.param(ex, "code");
        if (!Router.apiVersionKnown(ex) || code == null || !UUID_LOWER.matcher(code).matches()) {
            Responses.text(ex, 404, "not found");
            return;
        }
        ex.startBlocking();
        callback.apply(UUID.fromString(code), fields(ex));
        Responses.empty(ex, 200);
    }

    /** The form fields of the request (first value of each); none if it has no readable form. */
    private Map<String, String> fields(HttpServerExchange ex) {
        Map<String, String> out = new HashMap<>();
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
        } catch (IOException e) {
            // a malformed form reports nothing; the provider still gets its 200
            out.clear();
        }
        return out;
    }
}
