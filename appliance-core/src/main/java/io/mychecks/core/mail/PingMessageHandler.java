package io.mychecks.core.mail;

import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingIntake;
import io.mychecks.core.pings.PingResult;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One mail transaction of the SMTP listener: checks each RCPT TO address as it arrives, then turns
 * the message into pings and records them before answering DATA.
 *
 * <p>The message is held in memory only within the listener's shared {@link MessageBudget} (over
 * it: {@code 452}, try later). Each recipient's check is looked up before the message is parsed: a
 * recipient that names no check is dropped unread, and the message is parsed (on this session's
 * thread, not the ping writer's) only when a check's keyword filters search it.
 */
final class PingMessageHandler implements MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PingMessageHandler.class);
    static final String TOO_BIG = "5.3.4 Message size exceeds fixed limit";
    static final String TRY_LATER = "4.3.0 Temporary failure, please try again later";
    static final String NO_ROOM = "4.3.1 Insufficient system storage, please try again later";

    /** How much of an oversized message is read and discarded before the connection is cut. */
    private static final int DRAIN_FACTOR = 4;

    private final MessageContext context;
    private final EmailPingParser parser;
    private final PingIntake intake;
    private final CheckLookup lookup;
    private final int maxMessageBytes;
    private final MessageBudget budget;
    private final List<String> recipients = new ArrayList<>();
    private String from = "";
    private long held;

    PingMessageHandler(
            MessageContext context,
            EmailPingParser parser,
            PingIntake intake,
            CheckLookup lookup,
            int maxMessageBytes,
            MessageBudget budget) {
        this.context = context;
        this.parser = parser;
        this.intake = intake;
        this.lookup = lookup;
        this.maxMessageBytes = maxMessageBytes;
        this.budget = budget;
    }

    @Override
    public void from(String from) {
        this.from = from == null ? "" : from;
    }

    @Override
    public void recipient(String address) throws RejectException {
        EmailRecipient verdict = parser.recipient(address);
        if (!verdict.accepted()) {
            throw new RejectException(550, verdict.rejection());
        }
        recipients.add(address);
    }

    /**
     * Records one ping per recipient, each committed before the reply. A check that does not exist
     * still gets {@code 250 OK} (as the reference); a database failure gets {@code 451} so the
     * sending server retries (pings already committed may then be recorded twice).
     */
    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try {
            return record(data);
        } finally {
            budget.give(held);
            held = 0;
        }
    }

    private String record(InputStream data) throws RejectException, IOException {
        byte[] message;
        try {
            message = readLimited(data);
        } catch (EOFException e) {
            // the client hung up before the final dot: nothing is recorded, nobody to answer
            LOG.debug("SMTP client left during DATA: {}", e.getMessage());
            throw new DropConnectionException(421, "4.4.0 Connection lost during DATA");
        }
        List<PingEvent> events = parser.parse(remoteIp(), from, recipients, message);
        for (PingEvent event : events) {
            CheckLookup.Need need;
            try {
                need = lookup.need(event.ref());
            } catch (RuntimeException e) {
                LOG.warn("email ping: cannot look the check up: {}", e.toString());
                throw refuse(451, TRY_LATER);
            }
            if (need == CheckLookup.Need.NO_CHECK) {
                LOG.info("email ping for an unknown check ({})", describe(event));
                continue;
            }
            if (need == CheckLookup.Need.PARSE) {
                event.email().read();
            }
            PingResult result = intake.record(event);
            switch (result.outcome()) {
                case UNAVAILABLE -> throw refuse(451, TRY_LATER);
                case NOT_FOUND -> LOG.info("email ping for an unknown check ({})", describe(event));
                case AMBIGUOUS_SLUG ->
                        LOG.info("email ping for an ambiguous slug ({})", describe(event));
                default -> {}
            }
        }
        return "OK";
    }

    /**
     * Reads the message; past the limit, reads and discards the rest (so the client sees the 552
     * reply instead of a broken pipe), and drops the connection of a client that goes on sending
     * far beyond it. Every chunk kept is taken from the shared budget first; when it is spent the
     * rest is discarded the same way and the message refused with 452.
     */
    private byte[] readLimited(InputStream data) throws IOException, RejectException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = data.read(chunk)) != -1) {
            total += n;
            if (total > maxMessageBytes) {
                throw discardRest(data, total, 552, TOO_BIG);
            }
            if (!budget.take(n)) {
                LOG.warn("SMTP message refused: messages in memory reached their bound");
                throw discardRest(data, total, 452, NO_ROOM);
            }
            held += n;
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private RejectException discardRest(InputStream data, long total, int code, String text)
            throws IOException {
        if (!drain(data, (long) maxMessageBytes * DRAIN_FACTOR - total)) {
            return new DropConnectionException(code, text);
        }
        return refuse(code, text);
    }

    /**
     * Ends the mail transaction and returns the exception that refuses the message. SubEtha 7.2.2
     * keeps the transaction open after a refused DATA, so the client's next MAIL FROM would get
     * "503 Sender already specified"; RFC 5321 ends it with the reply.
     */
    private RejectException refuse(int code, String text) {
        if (context instanceof Session session) {
            session.resetMailTransaction();
        }
        return new RejectException(code, text);
    }

    /** Discards the rest of the data; returns false if there was more than {@code budget}. */
    private static boolean drain(InputStream data, long budget) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        long left = budget;
        int n;
        while ((n = data.read(chunk)) != -1) {
            left -= n;
            if (left < 0) {
                return false;
            }
        }
        return true;
    }

    private String remoteIp() {
        if (context.getRemoteAddress() instanceof InetSocketAddress a && a.getAddress() != null) {
            return a.getAddress().getHostAddress();
        }
        return null;
    }

    /** The check's UUID or slug, never the ping key. */
    /** How a log line names the recipient: never its UUID or ping key, which work as secrets. */
    private static String describe(PingEvent event) {
        return event.ref().isSlug() ? "slug " + event.ref().slug() : "by UUID";
    }

    @Override
    public void done() {
        // nothing held between transactions
    }
}
