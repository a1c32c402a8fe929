package io.mychecks.core.badges;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import java.time.Instant;
import java.util.List;

/**
 * What a badge reports about a set of checks: the overall status and how many checks it covers, are
 * late ({@code grace}) and are down.
 */
public record BadgeSummary(BadgeStatus status, int total, int grace, int down) {

    /** The tag of the badge that covers every check of a project. */
    public static final String ALL = "*";

    /**
     * Returns the summary of the checks among {@code projectChecks} whose space-separated tag list
     * contains {@code tag} exactly (every check for {@link #ALL}).
     */
    public static BadgeSummary forTag(
            List<Check> projectChecks, String tag, BadgeMode mode, Instant now) {
        return of(
                projectChecks.stream().filter(c -> hasTag(c.config().tags(), tag)).toList(),
                mode,
                now);
    }

    /** True when the space-separated {@code tags} field contains {@code tag} (always for ALL). */
    public static boolean hasTag(String tags, String tag) {
        return ALL.equals(tag) || CheckConfig.tagList(tags).contains(tag);
    }

    /**
     * Returns the summary of {@code checks} at {@code now}.
     *
     * <ol>
     *   <li>Each check's status is {@link StatusCalculator#status} without "started", so a run in
     *       progress counts as up until it overruns its grace time.
     *   <li>Any down check makes the badge down.
     *   <li>Else, in three-state mode, any check in its grace period makes it late.
     *   <li>Else it is up: new and paused checks count as up.
     * </ol>
     *
     * The {@code grace} count includes late checks in both modes; only the status differs.
     */
    public static BadgeSummary of(List<Check> checks, BadgeMode mode, Instant now) {
        int grace = 0;
        int down = 0;
        for (Check check : checks) {
            CheckStatus s = StatusCalculator.status(check, now, false);
            if (s == CheckStatus.DOWN) {
                down++;
            } else if (s == CheckStatus.GRACE) {
                grace++;
            }
        }
        return of(checks.size(), grace, down, mode);
    }

    /**
     * Returns the summary of {@code total} checks of which {@code grace} are late and {@code down}
     * down.
     */
    public static BadgeSummary of(int total, int grace, int down, BadgeMode mode) {
        BadgeStatus status =
                down > 0
                        ? BadgeStatus.DOWN
                        : grace > 0 && mode.showsLate() ? BadgeStatus.LATE : BadgeStatus.UP;
        return new BadgeSummary(status, total, grace, down);
    }
}
