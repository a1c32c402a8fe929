package io.mychecks.core.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A project: a set of checks and integrations with its own keys. API keys are stored hashed ({@link
 * ApiKeys}); the ping key is stored as is, since it is part of ping URLs.
 */
public record Project(
        long id,
        UUID code,
        String name,
        long ownerId,
        String apiKeyHash,
        String apiKeyReadonlyHash,
        String pingKey,
        String badgeKey,
        boolean showSlugs,
        Instant created) {}
