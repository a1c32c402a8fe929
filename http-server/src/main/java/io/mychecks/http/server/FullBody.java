package io.mychecks.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's whole body on the I/O thread, without blocking, and only then hands the request
 * to a worker thread. A client that sends its body slowly (or never) holds a connection, not one of
 * the worker threads the API runs on.
 */
public final class FullBody {
    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    /** The largest body an API, bounce or status request may have; larger ones get 413. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private FullBody() {}

    /**
     * On the I/O thread: receives the body, then dispatches {@code next} to a worker and returns
     * true. Off it (which is where {@code next} runs then) returns false and does nothing.
     */
    public static boolean receiveThenDispatch(HttpServerExchange ex, HttpHandler next) {
        if (!ex.isInIoThread()) {
            return false;
        }
        BoundedBody.receive(
                ex,
                MAX_BYTES,
                MAX_BYTES,
                (e, bytes) -> {
                    e.putAttachment(BODY, bytes);
                    e.dispatch(next);
                },
                e -> Responses.text(e, 413, "request body too large"));
        return true;
    }

    /** The body received by {@link #receiveThenDispatch}, else up to {@code max} bytes read now. */
    public static byte[] of(HttpServerExchange ex, int max) throws IOException {
        byte[] received = ex.getAttachment(BODY);
        if (received != null) {
            return received;
        }
        if (!ex.isBlocking()) {
            ex.startBlocking();
        }
        try (InputStream in = ex.getInputStream()) {
            return in.readNBytes(max);
        }
    }
}
