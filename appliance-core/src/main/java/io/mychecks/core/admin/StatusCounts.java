package io.mychecks.core.admin;

import java.time.Instant;

/**
 * The numbers on the console's status page.
 *
 * @param lastAlertSent when the newest notification went out; null when none ever did
 */
public record StatusCounts(
        long checks,
        long downChecks,
        long pingsLastHour,
        long notificationsPending,
        long notificationsFailed,
        Instant lastAlertSent) {}
