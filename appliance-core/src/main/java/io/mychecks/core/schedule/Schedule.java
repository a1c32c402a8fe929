package io.mychecks.core.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Returns the times at which a check expects a ping: a parsed cron or OnCalendar expression
 * together with its time zone.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Schedule {

    /**
     * Returns the first fire time strictly after {@code after}, or empty if the schedule never
     * fires again (an OnCalendar schedule has none once no fire time is left before 2200).
     */
    Optional<Instant> nextAfter(Instant after);
}
