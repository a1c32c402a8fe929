package io.mychecks.core.accounts;

import java.time.Instant;

/**
 * A user's log-in session (a browser signed in to the web UI). The cookie that names it is the web
 * server's business; this is what the database keeps.
 *
 * @param id the SHA-256 (hex) of the cookie's token: what the database keeps
 * @param csrfToken the token every form of this session must send back
 */
public record LoginSession(
        String id,
        long userId,
        String csrfToken,
        Instant created,
        Instant lastSeen,
        Instant expires) {

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
