package io.mychecks.core.badges;

import java.util.Optional;

/**
 * Which statuses a badge can show: the two-state badge says only up or down, the three-state badge
 * also says late while a check is in its grace period.
 */
public enum BadgeMode {
    TWO_STATE,
    THREE_STATE;

    /** Returns the mode for the {@code /b/<states>/} path segment, empty unless it is 2 or 3. */
    public static Optional<BadgeMode> fromStates(String states) {
        if ("2".equals(states)) {
            return Optional.of(TWO_STATE);
        }
        if ("3".equals(states)) {
            return Optional.of(THREE_STATE);
        }
        return Optional.empty();
    }

    /** True when a check in its grace period makes the badge say "late". */
    public boolean showsLate() {
        return this == THREE_STATE;
    }
}
