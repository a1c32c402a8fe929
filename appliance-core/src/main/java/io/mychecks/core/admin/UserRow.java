package io.mychecks.core.admin;

import java.time.Instant;

/**
 * A user as the console lists them.
 *
 * @param projects projects they own plus projects they are a member of
 * @param lastLogin null when they never logged in
 */
public record UserRow(
        long id,
        String email,
        boolean superuser,
        boolean active,
        Instant created,
        Instant lastLogin,
        int projects) {}
