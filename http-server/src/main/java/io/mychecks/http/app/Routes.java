package io.mychecks.http.app;

import static io.mychecks.http.api.ApiEndpoint.Access.READ;
import static io.mychecks.http.api.ApiEndpoint.Access.WRITE;

import io.mychecks.core.Appliance;
import io.mychecks.http.api.ApiEndpoint;
import io.mychecks.http.api.ApiEndpoint.Access;
import io.mychecks.http.api.ChannelsApi;
import io.mychecks.http.api.CheckPaths;
import io.mychecks.http.api.ChecksApi;
import io.mychecks.http.api.FlipsApi;
import io.mychecks.http.api.PingsApi;
import io.mychecks.http.badges.BadgeHandler;
import io.mychecks.http.badges.BadgesApi;
import io.mychecks.http.integrations.EmailVerifyPage;
import io.mychecks.http.metrics.PrometheusHandler;
import io.mychecks.http.metrics.ServiceMetricsHandler;
import io.mychecks.http.metrics.StatusHandler;
import io.mychecks.http.notify.BouncesHandler;
import io.mychecks.http.notify.NotificationStatusHandler;
import io.mychecks.http.ping.PingHandler;
import io.mychecks.http.server.AllowedHosts;
import io.mychecks.http.server.ClientAddress;
import io.mychecks.http.server.ErrorHandler;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.mychecks.http.server.SecurityHeaders;
import io.mychecks.http.web.WebRoutes;
import io.mychecks.http.web.WebServices;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;

/**
 * Every URL of the server, top to bottom, as one list: each maps to a handler given the services it
 * uses, all built once by the {@link Appliance}. Routes builds no service.
 */
public final class Routes {
    private Routes() {}

    public static HttpHandler build(Appliance app) {
        PingHandler ping =
                new PingHandler(
                        app.pingIntake(),
                        app.settings().pingBodyLimit(),
                        ClientAddress.fromSettings(app.settings()));
        Router router = new Router(ex -> Responses.text(ex, 404, "not found"));
        router.add("*", "/ping/*", ping);
        router.add("*", "/api/{version}/status/", new StatusHandler(app.serviceHealth()));
        addChecksApi(router, app);
        addBadgesAndMetrics(app, router);
        ChannelsApi channels = new ChannelsApi(app.channelService());
        router.add(
                "*",
                "/api/v3/channels/",
                api(app).on("GET", Access.WRITE, channels::list)
                        .on("POST", Access.WRITE, channels::create));
        router.add(
                "*", "/api/{version}/channels/", api(app).on("GET", Access.WRITE, channels::list));
        router.add(
                "*",
                "/api/v3/channels/{code}",
                api(app).on("DELETE", Access.WRITE, channels::delete));
        router.add(
                "GET",
                "/integrations/{code}/verify/{token}/",
                new BlockingHandler(new EmailVerifyPage(app.channelService())));
        WebRoutes.addTo(router, webServices(app));
        HttpHandler handler = new SecurityHeaders(Responses.noStoreUnder("/api/", router));
        if (app.settings().bool("USE_GZIP_MIDDLEWARE")) {
            handler = gzip(handler);
        }
        // "Expect: 100-continue" clients get their 100 when the body is read, not a 1 s stall
        handler = new HttpContinueReadHandler(handler);
        return new ErrorHandler(AllowedHosts.wrap(app.settings().get("ALLOWED_HOSTS"), handler));
    }

    /** Compresses responses for clients that accept gzip. */
    private static HttpHandler gzip(HttpHandler next) {
        ContentEncodingRepository encodings =
                new ContentEncodingRepository()
                        .addEncodingHandler("gzip", new GzipEncodingProvider(), 50);
        return new EncodingHandler(next, encodings);
    }

    /** Badges, service metrics, delivery-status callbacks and Prometheus metrics. */
    private static void addBadgesAndMetrics(Appliance app, Router router) {
        BadgeHandler badges = new BadgeHandler(app.badges());
        router.add("*", "/badge/{key}/{sig}/{file}", badges.tagged());
        router.add("*", "/badge/{key}/{file}", badges.all());
        router.add("*", "/b/{states}/{file}", badges.check());
        router.add(
                "*",
                "/api/{version}/badges/",
                api(app).on("GET", Access.READ, new BadgesApi(app.badges())::list));
        router.add("*", "/api/{version}/metrics/", new ServiceMetricsHandler(app.serviceHealth()));
        router.add(
                "POST",
                "/api/{version}/notifications/{code}/status",
                new NotificationStatusHandler(app.deliveryStatusCallback()));
        router.add("*", "/api/{version}/bounces/", new BouncesHandler(app.bounceProcessor()));
        PrometheusHandler prometheus =
                new PrometheusHandler(
                        app.projectMetrics(), app.settings().bool("PROMETHEUS_ENABLED"));
        router.add("*", "/projects/{code}/metrics/{key}", prometheus);
        router.add("*", "/projects/{code}/checks/metrics/{key}", prometheus);
        router.add("*", "/projects/{code}/metrics/", prometheus);
    }

    /** The Management API's checks, pings and flips; ApiEndpoint answers OPTIONS and 405 itself. */
    private static void addChecksApi(Router router, Appliance app) {
        ChecksApi checks =
                new ChecksApi(app.checkQueries(), app.checkService(), app.settings(), app.clock());
        PingsApi pings = new PingsApi(app.checkQueries(), app.settings());
        FlipsApi flips = new FlipsApi(app.checkQueries(), app.clock());
        router.add(
                "*",
                "/api/{version}/checks/",
                api(app).on("GET", READ, checks::list).on("POST", WRITE, checks::create));
        router.add(
                "*",
                "/api/{version}/checks/{code}",
                CheckPaths.byCode(
                        api(app).on("POST", WRITE, checks::update)
                                .on("DELETE", WRITE, checks::delete)
                                .on("GET", READ, checks::get),
                        api(app).on("GET", READ, checks::getByUniqueKey)));
        router.add(
                "*",
                "/api/{version}/checks/{code}/pause",
                CheckPaths.uuid(api(app).on("POST", WRITE, checks::pause)));
        router.add(
                "*",
                "/api/{version}/checks/{code}/resume",
                CheckPaths.uuid(api(app).on("POST", WRITE, checks::resume)));
        router.add(
                "*",
                "/api/{version}/checks/{code}/pings/",
                CheckPaths.uuid(api(app).on("GET", WRITE, pings::list)));
        router.add(
                "*",
                "/api/{version}/checks/{code}/pings/{n}/body",
                CheckPaths.uuidAndNumber(api(app).on("GET", WRITE, pings::body)));
        router.add(
                "*",
                "/api/{version}/checks/{code}/flips/",
                CheckPaths.byCode(
                        api(app).on("GET", READ, flips::byUuid),
                        api(app).on("GET", READ, flips::byUniqueKey)));
    }

    private static WebServices webServices(Appliance app) {
        return new WebServices(
                app.settings(),
                app.clock(),
                app.database(),
                app.users(),
                app.projects(),
                app.checks(),
                app.channels(),
                app.notifiers(),
                app.checkQueries(),
                app.checkService(),
                app.channelService(),
                app.loginSessions(),
                app.passwordLogIn(),
                app.loginLinks(),
                app.rateLimiter(),
                app.projectAccess(),
                app.accounts(),
                app.teams(),
                app.projectAdmin(),
                app.profiles(),
                app.reportSender(),
                app.badges(),
                app.twoFactor(),
                app.sudoMode());
    }

    private static ApiEndpoint api(Appliance app) {
        return new ApiEndpoint(app.projectAuth());
    }
}
