package io.mychecks.core.mail;

import io.mychecks.core.Service;
import io.mychecks.core.pings.PingIntake;
import io.mychecks.core.settings.Listen;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP listener for email pings (SubEtha SMTP): mail to {@code <uuid>@PING_EMAIL_DOMAIN} or
 * {@code <ping-key>+<slug>@PING_EMAIL_DOMAIN} becomes a ping of that check.
 *
 * <p>Recipients are checked at RCPT time (550 for a foreign domain or a bad mailbox); DATA is
 * answered only after the pings are committed. A message is parsed only for a check whose keyword
 * filters need it, and within {@link MimeTree}'s bounds. Protocol errors get SubEtha's replies (500
 * unknown command, 501 syntax or over-long line, 503 bad sequence), a message over the size limit
 * gets 552, and a session that fails never stops the listener. There is no AUTH and no STARTTLS, as
 * in the reference: run it on a trusted network or behind an MTA.
 */
public final class SmtpListener implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);

    private final Listen listen;
    private final EmailPingParser parser;
    private final PingIntake intake;
    private final CheckLookup lookup;
    private final Limits limits;
    private final MessageBudget budget;
    private SMTPServer server;

    /**
     * How much one client, and all of them together, may ask of the listener. Messages are held in
     * memory while they are received, so {@code maxBufferedBytes} bounds what sessions × message
     * size could otherwise reach.
     *
     * @param maxMessageBytes a larger message is refused with 552
     * @param maxConnections sessions at once; more are told 421 and closed
     * @param maxRecipients RCPT TO per message; more are told 452
     * @param timeout a client silent this long is told 421 and closed
     * @param maxBufferedBytes bytes of messages all sessions together hold while receiving them; a
     *     message that would go past it is refused with 452 (try later)
     */
    public record Limits(
            int maxMessageBytes,
            int maxConnections,
            int maxRecipients,
            Duration timeout,
            long maxBufferedBytes) {
        /** Limits whose buffer bound lets four largest messages in at once. */
        public Limits(
                int maxMessageBytes, int maxConnections, int maxRecipients, Duration timeout) {
            this(maxMessageBytes, maxConnections, maxRecipients, timeout, 4L * maxMessageBytes);
        }

        /** 10 MB messages, 100 sessions, 100 recipients, 60 s of silence, 64 MB held at once. */
        public static Limits defaults() {
            return new Limits(
                    10 * 1024 * 1024, 100, 100, Duration.ofSeconds(60), 64L * 1024 * 1024);
        }
    }

    public SmtpListener(
            Listen listen,
            EmailPingParser parser,
            PingIntake intake,
            CheckLookup lookup,
            Limits limits) {
        this.listen = listen;
        this.parser = parser;
        this.intake = intake;
        this.lookup = lookup;
        this.limits = limits;
        this.budget = new MessageBudget(limits.maxBufferedBytes());
    }

    /** Binds and starts serving; throws IllegalStateException naming the address if it cannot. */
    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(listen.host());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "cannot listen for SMTP on " + listen.authority() + ": unknown host");
        }
        SMTPServer s =
                SMTPServer.port(listen.port())
                        .bindAddress(bind)
                        .hostName(parser.domain())
                        .softwareName("Mychecks")
                        .messageHandlerFactory(
                                ctx ->
                                        new PingMessageHandler(
                                                ctx,
                                                parser,
                                                intake,
                                                lookup,
                                                limits.maxMessageBytes(),
                                                budget))
                        // any sender may ping, including the null sender <> of bounces (as the
                        // reference)
                        .fromAddressValidator(address -> true)
                        .insertReceivedHeaders(false)
                        .maxMessageSize(limits.maxMessageBytes())
                        .maxConnections(limits.maxConnections())
                        .maxRecipients(limits.maxRecipients())
                        .connectionTimeoutMs((int) limits.timeout().toMillis())
                        .backlog(200)
                        .executorService(sessionThreads())
                        .serverThreadName("smtp-listener")
                        .build();
        try {
            s.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(
                    "cannot listen for SMTP on " + listen.authority() + ": " + cause.getMessage(),
                    e);
        }
        server = s;
    }

    private static ExecutorService sessionThreads() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory =
                r -> {
                    Thread t = new Thread(r, "smtp-session-" + n.incrementAndGet());
                    t.setDaemon(true);
                    // a malformed command the SMTP library cannot parse (MAIL FROM with SIZE
                    // over 2^31) ends its session with 421; one log line, not a stack trace
                    t.setUncaughtExceptionHandler(
                            (thread, e) ->
                                    LOG.warn(
                                            "SMTP session ended by a malformed command: {}",
                                            e.toString()));
                    return t;
                };
        return Executors.newCachedThreadPool(factory);
    }

    /** Bytes of messages the sessions hold in memory now (for tests and metrics). */
    long bufferedBytes() {
        return budget.used();
    }

    /** The port actually bound (useful when the configured port is 0); the listener must run. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("SMTP listener is not running");
        }
        return server.getPortAllocated();
    }

    /** The bound address, e.g. {@code 127.0.0.1:2525}. */
    public Listen address() {
        return new Listen(listen.host(), port());
    }

    /** Stops accepting, closes open sessions and waits for them to end. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
