package io.mychecks.core.accounts;

import java.time.Instant;

/**
 * A user account. The password is stored as a PBKDF2 hash ({@link PasswordHasher}). An account an
 * admin disabled ({@code active} false) cannot log in.
 */
public record User(
        long id,
        String email,
        String passwordHash,
        boolean superuser,
        String tz,
        int checkLimit,
        int pingLogLimit,
        Instant created,
        Instant lastLogin,
        boolean active) {}
