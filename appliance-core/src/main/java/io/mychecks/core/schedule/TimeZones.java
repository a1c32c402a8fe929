package io.mychecks.core.schedule;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Returns the time zone for an IANA name such as {@code Europe/Riga} or {@code UTC}.
 *
 * <p>Legacy aliases that java.time knows ({@code Europe/Kiev}, {@code US/Eastern}, {@code
 * Asia/Calcutta}) are accepted as they are. Offsets ({@code +02:00}, {@code UTC+2}), empty strings
 * and unknown names are not.
 */
public final class TimeZones {

    /**
     * Region ids known to the running JDK; {@code ZoneId.getAvailableZoneIds()} copies each call.
     */
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private TimeZones() {}

    /** Returns the zone named {@code name}, or empty if it is null, blank, an offset or unknown. */
    public static Optional<ZoneId> resolve(String name) {
        if (name == null || !REGION_IDS.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(name));
    }
}
