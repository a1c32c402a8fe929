package io.mychecks.http.server;

import io.mychecks.core.Appliance;
import io.mychecks.http.api.ApiEndpoint;
import io.mychecks.http.api.ApiEndpoint.Access;
import io.mychecks.http.api.ChannelsApi;
import io.mychecks.http.integrations.EmailVerifyPage;
import io.mychecks.http.ping.PingHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;

/** Every URL of the server, top to bottom, as one list. */
public final class Routes {
    private Routes() {}

    public static HttpHandler build(Appliance app) {
        PingHandler ping = new PingHandler(app.pingIntake(), app.settings().pingBodyLimit());
        Router router = new Router(ex -> Responses.text(ex, 404, "not found"));
        router.add("*", "/ping/*", ping);
        router.add("*", "/api/{version}/status/", new BlockingHandler(ex -> statusProbe(app, ex)));
        ChannelsApi channels = new ChannelsApi(app.channelService());
        router.add("*", "/api/v3/channels/", new ApiEndpoint(app).on("GET", Access.WRITE, channels::list).on("POST", Access.WRITE, channels::create));
        router.add("*", "/api/{version}/channels/", new ApiEndpoint(app).on("GET", Access.WRITE, channels::list));
        router.add("*", "/api/v3/channels/{code}", new ApiEndpoint(app).on("DELETE", Access.WRITE, channels::delete));
        router.add("GET", "/integrations/{code}/verify/{token}/", new BlockingHandler(new EmailVerifyPage(app.channelService())));
        return new ErrorHandler(router);
    }

    private static void statusProbe(Appliance app, io.undertow.server.HttpServerExchange ex) {
        if (app.database().isHealthy()) {
            Responses.text(ex, 200, "OK");
        } else {
            Responses.text(ex, 500, "database unavailable");
        }
    }
}
