package io.mychecks.core.mail;

import io.mychecks.core.pings.CheckRef;
import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingEvent.EmailContent;
import io.mychecks.core.pings.PingKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one received email into the pings to record: pure, no sockets, no database.
 *
 * <ul>
 *   <li>A recipient's domain must be PING_EMAIL_DOMAIN, compared ignoring case (domain names are
 *       case-insensitive; the reference compares them exactly).
 *   <li>Its local part must be a version-4 UUID in any case, or {@code <ping-key>+<slug>} with a
 *       22-character key of {@code [a-zA-Z0-9_-]} and a slug of {@code [a-z0-9_-]+}.
 *   <li>Every accepted recipient gives one SUCCESS ping (the check's subject and body filters
 *       reclassify it later, in {@code PingClassifier}) with scheme {@code email}, no method, user
 *       agent {@code Email from <MAIL FROM>} and the sender's IP address. Control characters in the
 *       MAIL FROM address become spaces (PostgreSQL text cannot hold a NUL).
 *   <li>The subject and text are read from the message only when first asked for: a check without
 *       keyword filters never has its message parsed.
 *   <li>The stored body is the raw message cut to PING_BODY_LIMIT bytes (the reference keeps the
 *       whole message); the subject and text the filters search come from the whole one.
 * </ul>
 */
public final class EmailPingParser {
    private static final Pattern UUID_V4 =
            Pattern.compile(
                    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_AND_SLUG =
            Pattern.compile("([a-zA-Z0-9_-]{22})\\+([a-z0-9_-]+)");

    private final String domain;
    private final OptionalInt bodyLimit;

    /**
     * @param domain PING_EMAIL_DOMAIN
     * @param bodyLimit PING_BODY_LIMIT: bytes of the raw message to store; empty = all
     */
    public EmailPingParser(String domain, OptionalInt bodyLimit) {
        this.domain = domain;
        this.bodyLimit = bodyLimit;
    }

    public String domain() {
        return domain;
    }

    /** Returns the check a RCPT TO address names, or why it is refused. */
    public EmailRecipient recipient(String address) {
        String a = address == null ? "" : address.strip();
        int at = a.lastIndexOf('@');
        if (at < 0 || !a.substring(at + 1).equalsIgnoreCase(domain)) {
            return EmailRecipient.reject(EmailRecipient.WRONG_DOMAIN);
        }
        String local = a.substring(0, at);
        if (UUID_V4.matcher(local).matches()) {
            return EmailRecipient.accept(
                    CheckRef.byCode(UUID.fromString(local.toLowerCase(Locale.ROOT))));
        }
        Matcher m = KEY_AND_SLUG.matcher(local);
        if (m.matches()) {
            return EmailRecipient.accept(CheckRef.bySlug(m.group(1), m.group(2)));
        }
        return EmailRecipient.reject(EmailRecipient.INVALID_MAILBOX);
    }

    /**
     * Returns one ping per accepted recipient, in order; refused recipients (which the listener
     * already answered with 550) are skipped.
     *
     * @param remoteAddr the SMTP peer's IP address
     * @param mailFrom the MAIL FROM address ("" for a null sender)
     * @param recipients the RCPT TO addresses
     * @param message the raw message as received after DATA
     */
    public List<PingEvent> parse(
            String remoteAddr, String mailFrom, List<String> recipients, byte[] message) {
        List<CheckRef> refs = new ArrayList<>();
        for (String r : recipients) {
            EmailRecipient verdict = recipient(r);
            if (verdict.accepted()) {
                refs.add(verdict.ref());
            }
        }
        if (refs.isEmpty()) {
            return List.of();
        }
        // parsed only if a check's keyword filters ask for it
        EmailContent content = EmailContent.lazy(() -> EmailText.extract(message));
        byte[] body = storedBody(message);
        String ua = "Email from " + ControlChars.toSpaces(mailFrom == null ? "" : mailFrom);
        List<PingEvent> events = new ArrayList<>(refs.size());
        for (CheckRef ref : refs) {
            events.add(
                    new PingEvent(
                            ref,
                            PingKind.SUCCESS,
                            null,
                            null,
                            body,
                            remoteAddr,
                            "email",
                            "",
                            ua,
                            false,
                            content,
                            null));
        }
        return events;
    }

    private byte[] storedBody(byte[] message) {
        if (bodyLimit.isEmpty() || message.length <= bodyLimit.getAsInt()) {
            return message;
        }
        return Arrays.copyOf(message, bodyLimit.getAsInt());
    }
}
