package io.mychecks.core.pings;

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

    /** The searchable parts of an email ping. */
    public record EmailContent(String subject, String text) {}

    public boolean isEmail() {
        return email != null;
    }
}
