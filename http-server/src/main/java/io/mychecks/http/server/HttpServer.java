package io.mychecks.http.server;

import io.mychecks.core.Appliance;
import io.mychecks.core.Service;
import io.mychecks.core.settings.Listen;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** The embedded Undertow web server: ping endpoints, the Management API, badges. */
public final class HttpServer implements Service {
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
                        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 4L * 1024 * 1024)
                        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                        // %2F is a path separator, as for the reference (/ping/<uuid>%2Ffail fails)
                        .setServerOption(UndertowOptions.DECODE_SLASH, true)
                        // slow or idle clients give their connection up instead of holding it
                        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                        .setServerOption(UndertowOptions.IDLE_TIMEOUT, 120_000)
                        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                        .setSocketOption(Options.BACKLOG, 1024)
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
