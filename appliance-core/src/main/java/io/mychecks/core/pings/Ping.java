package io.mychecks.core.pings;

import java.time.Instant;

/** A stored ping. {@code n} numbers the pings of one check from 1; body may be null. */
public record Ping(
        long id,
        long checkId,
        long n,
        Instant created,
        PingKind kind,
        String scheme,
        String remoteAddr,
        String method,
        String ua,
        byte[] body,
        Integer exitStatus,
        String rid,
        Long durationMs) {}
