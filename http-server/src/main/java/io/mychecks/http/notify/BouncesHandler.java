package io.mychecks.http.notify;

import io.mychecks.core.notify.email.BounceProcessor;
import io.mychecks.http.server.FullBody;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;

/**
 * {@code /api/vN/bounces/}, any method: the body is a raw bounce message (a delivery status
 * notification), as a mail provider's inbound webhook posts it. Answers 200 with a short {@code
 * OK…} text whatever it says, so the provider never retries; see {@link BounceProcessor}.
 */
public final class BouncesHandler implements HttpHandler {
    /** Bounces quote the original message; this is more than any alert email. */
    private static final int MAX_BODY = 2_621_440;

    private final BounceProcessor processor;

    public BouncesHandler(BounceProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws IOException {
        if (FullBody.receiveThenDispatch(ex, this)) {
            return;
        }
        if (!Router.apiVersionKnown(ex)) {
            Responses.text(ex, 404, "not found");
            return;
        }
        byte[] raw = FullBody.of(ex, MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            Responses.text(ex, 413, "request body too large");
            return;
        }
        Responses.text(ex, 200, processor.apply(raw));
    }
}
