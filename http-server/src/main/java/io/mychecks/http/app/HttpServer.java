package io.mychecks.http.app;

import io.mychecks.core.Appliance;
import io.mychecks.core.Service;
import io.mychecks.core.settings.Listen;
import io.mychecks.http.server.BoundedBody;
import io.mychecks.http.server.ConnectionLimit;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.ConnectorStatistics;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** The embedded Undertow web server: ping endpoints, the Management API, badges. */
public final class HttpServer implements Service {
    /**
     * Open connections past which requests are answered 503 (each idle connection costs a few kB; a
     * reading one 16 kB more).
     */
    static final int MAX_CONNECTIONS = 8192;

    private final Appliance appliance;
    private final Listen listen;
    private final int maxConnections;
    private volatile ConnectorStatistics statistics;
    private Undertow undertow;

    public HttpServer(Appliance appliance, Listen listen) {
        this(appliance, listen, MAX_CONNECTIONS);
    }

    /** A server that answers 503 past {@code maxConnections} open connections (tests). */
    HttpServer(Appliance appliance, Listen listen, int maxConnections) {
        this.appliance = appliance;
        this.listen = listen;
        this.maxConnections = maxConnections;
    }

    @Override
    public void start() {
        int cores = Runtime.getRuntime().availableProcessors();
        undertow =
                Undertow.builder()
                        .addHttpListener(listen.port(), listen.host())
                        .setIoThreads(Math.max(2, cores))
                        .setWorkerThreads(Math.max(16, cores * 8))
                        // every handler reads bodies through BoundedBody, which keeps only what
                        // it needs and drains the rest of an oversized body up to this cap, so
                        // the client reads its 400/413 instead of a connection reset
                        .setServerOption(
                                UndertowOptions.MAX_ENTITY_SIZE, BoundedBody.DRAIN_LIMIT + 1)
                        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                        // %2F is a path separator, as for the reference (/ping/<uuid>%2Ffail fails)
                        .setServerOption(UndertowOptions.DECODE_SLASH, true)
                        // slow or idle clients give their connection up instead of holding it
                        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                        .setServerOption(UndertowOptions.IDLE_TIMEOUT, 120_000)
                        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                        .setSocketOption(Options.BACKLOG, 1024)
                        // past maxConnections requests get 503 (the count of open connections
                        // comes from the listener's statistics); past an eighth more the server
                        // stops accepting, and new connections wait in the backlog
                        .setServerOption(UndertowOptions.ENABLE_STATISTICS, true)
                        .setSocketOption(Options.CONNECTION_HIGH_WATER, hardLimit())
                        .setSocketOption(Options.CONNECTION_LOW_WATER, maxConnections)
                        .setHandler(
                                new ConnectionLimit(
                                        Routes.build(appliance),
                                        this::openConnections,
                                        maxConnections))
                        .build();
        undertow.start();
        statistics = undertow.getListenerInfo().get(0).getConnectorStatistics();
    }

    private int hardLimit() {
        return maxConnections + Math.max(8, maxConnections / 8);
    }

    /** Connections open now on the listener (0 before it started). */
    long openConnections() {
        ConnectorStatistics s = statistics;
        return s == null ? 0 : s.getActiveConnections();
    }

    /** The port actually bound (useful when the configured port is 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The base URL of the bound listener, e.g. {@code http://127.0.0.1:8000}. */
    public String baseUrl() {
        return "http://" + new Listen(listen.host(), port()).authority();
    }

    @Override
    public void stop() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
    }
}
