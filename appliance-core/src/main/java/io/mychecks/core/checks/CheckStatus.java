package io.mychecks.core.checks;

import java.util.Locale;

/**
 * A check's status. The database stores only NEW, UP, DOWN and PAUSED; GRACE ("late") and STARTED
 * are computed for display from the clock and the check's timers.
 */
public enum CheckStatus {
    NEW,
    UP,
    GRACE,
    DOWN,
    PAUSED,
    STARTED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in the database and in JSON. */
    public String wire() {
        return wire;
    }

    /** Parses a wire name; throws IllegalArgumentException for an unknown one. */
    public static CheckStatus fromWire(String wire) {
        // the stored statuses first: every check row read goes through here
        switch (wire) {
            case "up":
                return UP;
            case "down":
                return DOWN;
            case "new":
                return NEW;
            case "paused":
                return PAUSED;
            default:
                return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }
}
