package io.mychecks.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Failures of handlers, on the I/O thread and dispatched to workers, answered and logged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorHandlerTest {
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Undertow server;
    int port;

    static int deep(int n) {
        return deep(n + 1) + 1;
    }

    HttpHandler routes() {
        return ex -> {
            switch (ex.getRequestPath()) {
                case "/io" -> throw new StackOverflowError();
                case "/dispatched" -> ex.dispatch(e -> deep(0));
                case "/blocking" -> new BlockingHandler(e -> deep(0)).handleRequest(ex);
                case "/full-body" ->
                        FullBody.receiveThenDispatch(
                                ex,
                                e -> {
                                    throw new OutOfMemoryError("Java heap space");
                                });
                case "/exception" ->
                        ex.dispatch(
                                e -> {
                                    throw new IllegalStateException("broken");
                                });
                default -> Responses.text(ex, 200, "fine");
            }
        };
    }

    @BeforeAll
    void start() {
        server =
                Undertow.builder()
                        .addHttpListener(0, "127.0.0.1")
                        .setHandler(new ErrorHandler(routes()))
                        .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        server.stop();
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    HttpResponse<String> post(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("body"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<ILoggingEvent> events() {
        return List.copyOf(log.list);
    }

    @Test
    void errorsOnWorkerThreadsGetACleanAnswerAndOneLogLine() throws Exception {
        for (String path : List.of("/io", "/dispatched", "/blocking", "/full-body")) {
            clearLog();
            HttpResponse<String> r = post(path);

            assertThat(r.statusCode()).as(path).isEqualTo(500);
            assertThat(r.body()).as(path).isEqualTo("internal error");
            List<ILoggingEvent> lines = events();
            assertThat(lines).as(path).hasSize(1);
            ILoggingEvent line = lines.get(0);
            assertThat(line.getLoggerName()).isEqualTo(ErrorHandler.class.getName());
            assertThat(line.getThrowableProxy()).as(path).isNull();
            assertThat(line.getFormattedMessage())
                    .as(path)
                    .startsWith("POST " + path + " failed: java.lang.")
                    .doesNotContain("\n")
                    .hasSizeLessThan(500);
        }
        // and the server goes on serving
        assertThat(post("/other").body()).isEqualTo("fine");
    }

    @Test
    void exceptionsOnWorkerThreadsAreLoggedWithTheirTrace() throws Exception {
        HttpResponse<String> r = post("/exception");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("internal error");
        assertThat(events()).hasSize(1);
        assertThat(events().get(0).getThrowableProxy().getMessage()).isEqualTo("broken");
    }

    @Test
    void keysAndUuidsInThePathAreNotLogged() {
        assertThat(ErrorHandler.loggable("/ping/5ca3e43c-c5c0-478b-bd51-eef3b5894377/start"))
                .isEqualTo("/ping/…/start");
        assertThat(ErrorHandler.loggable("/ping/abcdefghijklmnopqrstuv/my-slug"))
                .isEqualTo("/ping/…/my-slug");
        assertThat(ErrorHandler.loggable("/api/v3/checks/")).isEqualTo("/api/v3/checks/");
    }
}
