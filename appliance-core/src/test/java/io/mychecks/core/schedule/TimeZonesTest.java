package io.mychecks.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
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
                "Europe/Oslo"
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
        "Japan, Asia/Tokyo"
    })
    void mapsLegacyNamesToCanonicalOnes(String legacy, String canonical) {
        assertThat(TimeZones.resolve(legacy)).contains(ZoneId.of(canonical));
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
                "12345"
            })
    void rejectsOffsetsBlanksAndUnknownNames(String name) {
        assertThat(TimeZones.resolve(name)).isEmpty();
    }
}
