package io.mychecks.core.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A loopback SMTP server (SubEtha) that keeps every message it receives, for tests of what Mychecks
 * sends. Recipients can be made to fail with a chosen SMTP reply, e.g. 550 (unknown user) or 450
 * (try later).
 */
public final class SmtpSink implements AutoCloseable {
    private final SMTPServer server;
    private final List<Received> messages = new CopyOnWriteArrayList<>();
    private final Map<String, RejectException> refusals = new ConcurrentHashMap<>();

    /** One received message: envelope and the parsed MIME message. */
    public record Received(String from, List<String> recipients, byte[] raw, MimeMessage message) {
        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            try {
                return message.getHeader(name, null);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The text of the first part of type {@code mimeType} (text/plain, text/html), or null;
         * line ends as "\n".
         */
        public String part(String mimeType) {
            try {
                String found = find(message, mimeType);
                return found == null ? null : found.replace("\r\n", "\n");
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String text() {
            return part("text/plain");
        }

        public String html() {
            return part("text/html");
        }

        private static String find(Part part, String mimeType)
                throws MessagingException, IOException {
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    String found = find(bp, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    public SmtpSink() {
        this(false);
    }

    /**
     * A sink that, with {@code offerStartTls}, advertises STARTTLS without being able to complete
     * the handshake (it has no certificate): a client that tries it fails.
     */
    public SmtpSink(boolean offerStartTls) {
        this.server =
                SMTPServer.port(0)
                        .bindAddress(InetAddress.getLoopbackAddress())
                        .hostName("sink.test")
                        .enableTLS(offerStartTls)
                        .messageHandlerFactory(this::handler)
                        .build();
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** Settings that make Mychecks send through this sink (plain SMTP, no TLS). */
    public Map<String, String> settings() {
        return Map.of(
                "EMAIL_HOST",
                "127.0.0.1",
                "EMAIL_PORT",
                String.valueOf(port()),
                "EMAIL_USE_TLS",
                "False",
                "EMAIL_USE_SSL",
                "False",
                "DEFAULT_FROM_EMAIL",
                "Mychecks <alerts@mychecks.test>");
    }

    /** Makes RCPT TO {@code address} fail with {@code code} (e.g. 550 or 450). */
    public void refuse(String address, int code, String text) {
        refusals.put(address.toLowerCase(), new RejectException(code, text));
    }

    public List<Received> messages() {
        return List.copyOf(messages);
    }

    /** The only message received; fails when there is none or more than one. */
    public Received single() {
        List<Received> all = messages();
        if (all.size() != 1) {
            throw new AssertionError("expected one message, got " + all.size());
        }
        return all.get(0);
    }

    public void clear() {
        messages.clear();
        refusals.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    private MessageHandler handler(MessageContext ctx) {
        return new MessageHandler() {
            private String from;
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String address) {
                from = address;
            }

            @Override
            public void recipient(String address) throws RejectException {
                RejectException refusal = refusals.get(address.toLowerCase());
                if (refusal != null) {
                    throw refusal;
                }
                recipients.add(address);
            }

            @Override
            public String data(InputStream in) throws IOException {
                byte[] raw = in.readAllBytes();
                try {
                    MimeMessage parsed =
                            new MimeMessage(
                                    Session.getInstance(new Properties()),
                                    new ByteArrayInputStream(raw));
                    messages.add(new Received(from, List.copyOf(recipients), raw, parsed));
                } catch (MessagingException e) {
                    throw new IOException(e);
                }
                return null;
            }

            @Override
            public void done() {}
        };
    }
}
