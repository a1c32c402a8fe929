package io.mychecks.core.accounts;

import java.time.Instant;

/**
 * A user's log-in session (a browser signed in to the web UI). The cookie that names it is the web
 * server's business; this is what the database keeps.
 *
 * @param id the SHA-256 (hex) of the cookie's token: what the database keeps
 * @param csrfToken the token every form of this session must send back
 * @param secondFactorPending true while the user still has to give their second factor: the session
 *     then opens nothing but the second-factor page
 * @param sudoUntil when sudo mode (sensitive changes allowed) ends; null when never entered
 */
public record LoginSession(
        String id,
        long userId,
        String csrfToken,
        Instant created,
        Instant lastSeen,
        Instant expires,
        boolean secondFactorPending,
        Instant sudoUntil) {

    /** True while the session is in sudo mode at {@code now}. */
    public boolean sudo(Instant now) {
        return sudoUntil != null && sudoUntil.isAfter(now);
    }

    /** Names the user and the times only: the tokens stay out of logs. */
    @Override
    public String toString() {
        return "LoginSession[user "
                + userId
                + ", created "
                + created
                + ", expires "
                + expires
                + "]";
    }
}
