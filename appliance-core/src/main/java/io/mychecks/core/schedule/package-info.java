/**
 * Schedules of checks: when a check expects its next ping.
 *
 * <p>{@link io.mychecks.core.schedule.Schedules} parses an expression as cron ({@link
 * io.mychecks.core.schedule.CronSchedule}) or systemd OnCalendar ({@link
 * io.mychecks.core.schedule.OnCalendarSchedule}) in an IANA time zone ({@link
 * io.mychecks.core.schedule.TimeZones}); both answer {@link
 * io.mychecks.core.schedule.Schedule#nextAfter}. The rules are those of {@code
 * reference/schedules.md}. Both kinds share one search: {@code CalendarPattern} finds the next
 * matching wall-clock time from bit masks, and {@code WallClockSearch} turns wall-clock times into
 * instants under each kind's daylight-saving rules.
 */
package io.mychecks.core.schedule;
