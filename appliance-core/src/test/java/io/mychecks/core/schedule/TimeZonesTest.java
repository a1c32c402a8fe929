package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which time zone names a check's {@code tz} may hold. */
class TimeZonesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "UTC",
                "Europe/Riga",
                "America/New_York",
                "Asia/Kolkata",
                "Etc/GMT+2",
                "Europe/Kyiv",
                "GMT",
                "Etc/UTC",
                "Europe/Oslo",
                "America/Montreal",
                "Asia/Istanbul"
            })
    void acceptsCanonicalNamesAsTheyAre(String name) {
        assertThat(TimeZones.resolve(name)).contains(ZoneId.of(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Europe/Kiev, Europe/Kyiv",
        "US/Eastern, America/New_York",
        "Asia/Calcutta, Asia/Kolkata",
        "Asia/Saigon, Asia/Ho_Chi_Minh",
        "America/Buenos_Aires, America/Argentina/Buenos_Aires",
        "Canada/Pacific, America/Vancouver",
        "Japan, Asia/Tokyo",
        "CET, Europe/Brussels",
        "EST5EDT, America/New_York",
        "PST8PDT, America/Los_Angeles",
        "Zulu, Etc/UTC",
        "Universal, Etc/UTC",
        "EST, America/Panama",
        "MST, America/Phoenix",
        "HST, Pacific/Honolulu",
        "GMT+0, Etc/GMT",
        "GMT-0, Etc/GMT",
        "ROC, Asia/Taipei"
    })
    void mapsLegacyNamesToCanonicalOnes(String legacy, String canonical) {
        assertThat(TimeZones.resolve(legacy)).contains(ZoneId.of(canonical));
    }

    @Test
    void shortNamesAreRegionsWithTheirRulesNotFixedOffsetsOfTheJdk() {
        // ZoneId.SHORT_IDS would make EST a fixed -05:00 and refuse GMT+0 as a region.
        assertThat(TimeZones.resolve("EST").orElseThrow()).isNotInstanceOf(ZoneOffset.class);
        assertThat(TimeZones.resolve("HST").orElseThrow().getRules().getOffset(Instant.EPOCH))
                .isEqualTo(ZoneOffset.ofHours(-10));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "+02:00",
                "-05:00",
                "Z",
                "UTC+2",
                "GMT+01:00",
                "Mars/Base",
                "utc",
                "europe/riga",
                "Europe/Riga ",
                "Europe",
                "PST",
                "EDT",
                "GMT+1",
                "Est",
                "12345"
            })
    void rejectsOffsetsBlanksAndUnknownNames(String name) {
        assertThat(TimeZones.resolve(name)).isEmpty();
    }
}
