package io.mychecks.core.pings;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One received ping, parsed but not yet applied.
 *
 * @param kind the action from the URL (an exit status above 0 already made it FAIL)
 * @param exitStatus the exit status from the URL, or null
 * @param rid the run id ({@code rid} query parameter, a lower-case UUID), or null
 * @param body the body to store (already cut to the body limit), or null
 * @param create auto-provision a missing slug check ({@code create=1})
 * @param email for email pings: the subject and text the keyword filters search; null for HTTP
 * @param rejection when not null, the ping is refused with this outcome once its check is found
 *     (the reference checks the exit status and the rid after the look-up, so an unknown check
 *     still answers "not found")
 */
public record PingEvent(
        CheckRef ref,
        PingKind kind,
        Integer exitStatus,
        String rid,
        byte[] body,
        String remoteAddr,
        String scheme,
        String method,
        String ua,
        boolean create,
        EmailContent email,
        PingResult.Outcome rejection) {

    /**
     * The searchable parts of an email ping: given, or read from the message the first time they
     * are asked for (only a check with keyword filters asks), at most once.
     */
    public static final class EmailContent {
        private Supplier<EmailContent> source;
        private String subject;
        private String text;

        public EmailContent(String subject, String text) {
            this.subject = subject;
            this.text = text;
        }

        private EmailContent(Supplier<EmailContent> source) {
            this.source = source;
        }

        /** Content that {@code source} reads when it is first asked for. */
        public static EmailContent lazy(Supplier<EmailContent> source) {
            return new EmailContent(source);
        }

        /** Reads the content now if it has not been read yet. */
        public synchronized void read() {
            if (source != null) {
                EmailContent c = source.get();
                subject = c.subject();
                text = c.text();
                source = null;
            }
        }

        public synchronized String subject() {
            read();
            return subject;
        }

        public synchronized String text() {
            read();
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EmailContent c
                    && Objects.equals(subject(), c.subject())
                    && Objects.equals(text(), c.text());
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject(), text());
        }

        @Override
        public String toString() {
            return "EmailContent[subject=" + subject() + ", text=" + text() + "]";
        }
    }

    public boolean isEmail() {
        return email != null;
    }
}
