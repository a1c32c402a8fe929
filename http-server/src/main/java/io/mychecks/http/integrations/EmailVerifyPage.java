package io.mychecks.http.integrations;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.notify.ChannelService;
import io.mychecks.core.notify.email.EmailNotifier;
import io.mychecks.core.text.Html;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * GET /integrations/{code}/verify/{token}/: the link of a verification email. A valid token marks
 * the email channel verified and answers a short page naming the address; anything else answers
 * 400.
 */
public final class EmailVerifyPage implements HttpHandler {
    private static final Pattern UUID_PATH =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final ChannelService channels;

    public EmailVerifyPage(ChannelService channels) {
        this.channels = channels;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        String code = Router.param(ex, "code");
        String token = Router.param(ex, "token");
        Optional<Channel> verified =
                code != null && UUID_PATH.matcher(code).matches()
                        ? channels.verify(UUID.fromString(code), token)
                        : Optional.empty();
        Responses.noCache(ex);
        if (verified.isEmpty()) {
            page(
                    ex,
                    400,
                    "Verification failed",
                    "This verification link is not valid. "
                            + "Please check that you copied the whole link from the email.");
            return;
        }
        String address = EmailNotifier.address(ChannelConfigs.parse(verified.get()));
        page(ex, 200, "Email address verified", "Alerts will now be sent to " + address + ".");
    }

    private static void page(HttpServerExchange ex, int status, String title, String message) {
        String html =
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                        + Html.escape(title)
                        + "</title></head>\n<body style=\"font-family: sans-serif;\">\n<h1>"
                        + Html.escape(title)
                        + "</h1>\n<p>"
                        + Html.escape(message)
                        + "</p>\n</body></html>\n";
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        ex.getResponseSender().send(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)));
    }
}
