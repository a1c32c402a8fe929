package io.mychecks.core.mail;

import io.mychecks.core.pings.CheckRef;

/**
 * What RCPT TO answers for one address: the check the address names, or the text of the 550 reply
 * that refuses it.
 *
 * @param ref the check, or null when refused
 * @param rejection the enhanced status and text after {@code 550}, or null when accepted
 */
public record EmailRecipient(CheckRef ref, String rejection) {
    /** The domain is not PING_EMAIL_DOMAIN. */
    public static final String WRONG_DOMAIN = "5.1.1 Recipient rejected";

    /** The local part is neither a UUID nor {@code <ping-key>+<slug>}. */
    public static final String INVALID_MAILBOX = "5.1.1 Invalid mailbox";

    static EmailRecipient accept(CheckRef ref) {
        return new EmailRecipient(ref, null);
    }

    static EmailRecipient reject(String rejection) {
        return new EmailRecipient(null, rejection);
    }

    public boolean accepted() {
        return ref != null;
    }
}
