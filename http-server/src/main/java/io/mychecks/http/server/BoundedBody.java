package io.mychecks.http.server;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a request body on the I/O thread without blocking and with bounded memory: it keeps the
 * first {@code keep} bytes and counts the rest. A body longer than {@code max} is read to its end
 * and thrown away (up to {@link #DRAIN_LIMIT}), so the client, chunked or not, reads a proper error
 * answer instead of a connection reset.
 */
public final class BoundedBody {
    /** Past this many bytes a too-large body is no longer drained: answer, then close. */
    public static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /** Bytes all bodies being received or handled may keep at once; past it, 503. */
    static final long BUDGET = 256L * 1024 * 1024;

    private static final AtomicLong IN_USE = new AtomicLong();

    private final int keep;
    private final long max;
    private final BiConsumer<HttpServerExchange, byte[]> onBody;
    private final Consumer<HttpServerExchange> onTooLarge;
    private final ByteArrayOutputStream kept;
    private long total;
    private boolean answered;
    private long reserved;

    private BoundedBody(
            int keep,
            long max,
            BiConsumer<HttpServerExchange, byte[]> onBody,
            Consumer<HttpServerExchange> onTooLarge) {
        this.keep = keep;
        this.max = max;
        this.onBody = onBody;
        this.onTooLarge = onTooLarge;
        this.kept = new ByteArrayOutputStream(Math.min(keep, 8192));
    }

    /**
     * Receives the body of {@code ex}: {@code onBody} gets its first {@code keep} bytes once it
     * ended within {@code max} bytes, else {@code onTooLarge} runs once the body ended. A body that
     * cannot be read is answered 400.
     */
    public static void receive(
            HttpServerExchange ex,
            int keep,
            long max,
            BiConsumer<HttpServerExchange, byte[]> onBody,
            Consumer<HttpServerExchange> onTooLarge) {
        BoundedBody body = new BoundedBody(keep, max, onBody, onTooLarge);
        ex.getRequestReceiver()
                .receivePartialBytes(
                        body::chunk,
                        (e, error) -> {
                            if (!body.answered) {
                                body.answered = true;
                                if (body.total > body.max) {
                                    e.getResponseHeaders().put(Headers.CONNECTION, "close");
                                    body.onTooLarge.accept(e);
                                } else {
                                    Responses.text(e, 400, "could not read request body");
                                }
                            }
                        });
    }

    /** Counts {@code n} more bytes against the budget until the exchange ends. */
    private boolean reserve(HttpServerExchange ex, int n) {
        if (IN_USE.addAndGet(n) > BUDGET) {
            IN_USE.addAndGet(-n);
            return false;
        }
        if (reserved == 0) {
            ex.addExchangeCompleteListener(
                    (e, next) -> {
                        IN_USE.addAndGet(-reserved);
                        next.proceed();
                    });
        }
        reserved += n;
        return true;
    }

    /** Bytes kept by bodies in flight (tests). */
    static long inUse() {
        return IN_USE.get();
    }

    private void chunk(HttpServerExchange ex, byte[] bytes, boolean last) {
        if (answered) {
            return;
        }
        total += bytes.length;
        int room = keep - kept.size();
        if (room > 0) {
            int n = Math.min(room, bytes.length);
            if (!reserve(ex, n)) {
                answered = true;
                ex.getResponseHeaders().put(Headers.CONNECTION, "close");
                ex.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                Responses.text(ex, 503, "server busy, try again");
                return;
            }
            kept.write(bytes, 0, n);
        }
        if (total > max && (last || total > DRAIN_LIMIT)) {
            answered = true;
            if (!last) {
                ex.getResponseHeaders().put(Headers.CONNECTION, "close");
            }
            onTooLarge.accept(ex);
        } else if (last && total <= max) {
            answered = true;
            onBody.accept(ex, kept.toByteArray());
        }
    }
}
