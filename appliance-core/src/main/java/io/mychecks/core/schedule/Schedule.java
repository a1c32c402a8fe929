package io.mychecks.core.schedule;

import java.time.Instant;
import java.util.Optional;

/** When a check expects its pings. */
public interface Schedule {
    /** The first fire time strictly after {@code after}, empty if none. */
    Optional<Instant> nextAfter(Instant after);
}
