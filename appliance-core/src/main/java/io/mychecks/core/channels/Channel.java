package io.mychecks.core.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration of a project: where alerts go. {@code config} is the kind's settings as a JSON
 * object (for email {@code {"value": addr, "up": true, "down": true}}).
 */
public record Channel(
        long id,
        UUID code,
        long projectId,
        String name,
        String kind,
        String config,
        boolean emailVerified,
        boolean disabled,
        Instant created,
        Instant lastNotify,
        Long lastNotifyDurationMs,
        String lastError) {}
