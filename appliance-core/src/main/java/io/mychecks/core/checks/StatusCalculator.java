package io.mychecks.core.checks;

import io.mychecks.core.schedule.InvalidScheduleException;
import io.mychecks.core.schedule.Schedules;
import java.time.Instant;
import java.util.Optional;

/** Pure rules of the check state machine: when grace starts, when a check goes down, its status. */
public final class StatusCalculator {
    private StatusCalculator() {}

    /**
     * Returns when the check's grace period starts (it is "late" from then on).
     *
     * <p>Only an UP check expects a ping: simple checks at {@code last_ping + timeout}, cron and
     * OnCalendar checks at the schedule's first fire time after the last ping. Any other status
     * expects nothing (empty). With {@code withStarted}, an open run (a start not yet followed by
     * success or failure) on a check that is not down moves the result back to the start time,
     * because a run must finish within grace of its start.
     */
    public static Optional<Instant> graceStart(Check check, boolean withStarted) {
        CheckState s = check.state();
        Instant result = null;
        if (s.status() == CheckStatus.UP && s.lastPing() != null) {
            result = expectedAfter(check.config(), s.lastPing());
        }
        if (withStarted && s.lastStart() != null && s.status() != CheckStatus.DOWN) {
            result = result == null || s.lastStart().isBefore(result) ? s.lastStart() : result;
        }
        return Optional.ofNullable(result);
    }

    /** The next expected ping after {@code lastPing}, or null if the schedule never fires again. */
    static Instant expectedAfter(CheckConfig config, Instant lastPing) {
        if ("simple".equals(config.kind())) {
            return lastPing.plusSeconds(config.timeout());
        }
        try {
            return Schedules.cached(config.kind(), config.schedule(), config.tz())
                    .nextAfter(lastPing)
                    .orElse(null);
        } catch (InvalidScheduleException e) {
            // stored schedules are validated on write; an old bad one simply never expects a ping
            return null;
        }
    }

    /** The moment the check goes down if nothing arrives: grace start plus grace, or null. */
    public static Instant goingDownAfter(Check check) {
        return graceStart(check, true).map(t -> t.plusSeconds(check.config().grace())).orElse(null);
    }

    /**
     * Returns the status at {@code now}.
     *
     * <ol>
     *   <li>An open run older than grace is DOWN; a younger one is STARTED if {@code withStarted}.
     *   <li>A stored NEW, PAUSED or DOWN status stands.
     *   <li>No further expected ping: UP.
     *   <li>Past grace start plus grace: DOWN; past grace start: GRACE; else UP.
     * </ol>
     */
    public static CheckStatus status(Check check, Instant now, boolean withStarted) {
        CheckState s = check.state();
        long grace = check.config().grace();
        if (s.lastStart() != null) {
            if (!now.isBefore(s.lastStart().plusSeconds(grace))) {
                return CheckStatus.DOWN;
            }
            if (withStarted) {
                return CheckStatus.STARTED;
            }
        }
        if (s.status() == CheckStatus.NEW
                || s.status() == CheckStatus.PAUSED
                || s.status() == CheckStatus.DOWN) {
            return s.status();
        }
        Optional<Instant> graceStart = graceStart(check, false);
        if (graceStart.isEmpty()) {
            return CheckStatus.UP;
        }
        if (!now.isBefore(graceStart.get().plusSeconds(grace))) {
            return CheckStatus.DOWN;
        }
        return now.isBefore(graceStart.get()) ? CheckStatus.UP : CheckStatus.GRACE;
    }
}
