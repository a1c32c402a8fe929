package io.mychecks.core.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Returns the time zone for an IANA name such as {@code Europe/Riga} or {@code UTC}.
 *
 * <p>Legacy names ({@code Europe/Kiev}, {@code US/Eastern}, {@code Asia/Calcutta}) are mapped to
 * their canonical names ({@code Europe/Kyiv}, {@code America/New_York}, {@code Asia/Kolkata}).
 * Offsets ({@code +02:00}, {@code UTC+2}), empty strings and unknown names are refused.
 */
public final class TimeZones {

    /**
     * Region ids known to the running JDK; {@code ZoneId.getAvailableZoneIds()} copies each call.
     */
    private static final Set<String> REGION_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** Legacy name → canonical name, for canonical names the JDK knows. */
    private static final Map<String, String> LEGACY = loadLegacyNames();

    private TimeZones() {}

    /**
     * Returns the zone named {@code name} (under its canonical name when {@code name} is a legacy
     * one), or empty if it is null, blank, an offset or unknown.
     */
    public static Optional<ZoneId> resolve(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = LEGACY.getOrDefault(name, name);
        if (!REGION_IDS.contains(canonical)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(canonical));
    }

    private static Map<String, String> loadLegacyNames() {
        Properties p = new Properties();
        try (InputStream in = TimeZones.class.getResourceAsStream("legacy-zones.properties")) {
            if (in == null) {
                throw new IllegalStateException("legacy-zones.properties is missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream()
                .filter(legacy -> REGION_IDS.contains(p.getProperty(legacy)))
                .collect(Collectors.toUnmodifiableMap(legacy -> legacy, p::getProperty));
    }
}
