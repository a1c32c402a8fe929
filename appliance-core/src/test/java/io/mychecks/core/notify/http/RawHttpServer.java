package io.mychecks.core.notify.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that answers every connection with raw bytes written by a script, for answers
 * HttpSink cannot give (a body trickled a byte at a time, a body that never ends). It notes when
 * the script's writes fail because the client closed the connection.
 */
final class RawHttpServer implements AutoCloseable {
    /** Writes an answer to one connection; may block (sleeps are interrupted on close). */
    @FunctionalInterface
    interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    RawHttpServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.execute(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket s = server.accept();
                            executor.execute(() -> serve(s, script));
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    /** True once a write failed because the client had closed the connection. */
    boolean clientClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return clientClosed.await(timeout, unit);
    }

    private void serve(Socket s, Script script) {
        try (s) {
            readHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            script.answer(out);
            out.flush();
            // keep the connection open until the client closes it
            while (s.getInputStream().read() != -1) {}
        } catch (IOException e) {
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request head (up to the blank line); the requests of these tests carry no body. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("closed before the request head ended");
            }
            matched = c == end[matched] ? matched + 1 : (c == end[0] ? 1 : 0);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
