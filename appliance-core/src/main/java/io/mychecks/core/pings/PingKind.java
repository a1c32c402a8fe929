package io.mychecks.core.pings;

import java.util.Locale;

/** What a ping reports. IGN is a ping that was received but does not count (filters, pause). */
public enum PingKind {
    SUCCESS,
    START,
    FAIL,
    LOG,
    IGN;

    /** The lower-case name used in the database and in JSON ({@code success}, {@code ign} …). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PingKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
