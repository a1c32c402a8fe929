package io.mychecks.http.app;

import io.mychecks.core.Appliance;
import io.mychecks.core.Service;
import io.mychecks.core.settings.Listen;
import io.mychecks.http.server.BoundedBody;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** The embedded Undertow web server: ping endpoints, the Management API, badges. */
public final class HttpServer implements Service {
    /** Open connections at most (each idle one costs a few kB; a reading one 16 kB more). */
    static final int MAX_CONNECTIONS = 8192;

    private final Appliance appliance;
    private final Listen listen;
    private Undertow undertow;

    public HttpServer(Appliance appliance, Listen listen) {
        this.appliance = appliance;
        this.listen = listen;
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
                        // at most this many open connections; past it new ones wait in the
                        // backlog until the count falls under the low mark
                        .setSocketOption(Options.CONNECTION_HIGH_WATER, MAX_CONNECTIONS)
                        .setSocketOption(Options.CONNECTION_LOW_WATER, MAX_CONNECTIONS * 9 / 10)
                        .setHandler(Routes.build(appliance))
                        .build();
        undertow.start();
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
