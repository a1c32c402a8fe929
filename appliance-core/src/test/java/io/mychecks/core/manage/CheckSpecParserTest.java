package io.mychecks.core.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckSpecParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CheckSpec parse(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json.replace('\'', '"'));
        return CheckSpecParser.parse(node);
    }

    private static void assertRejected(String json, String error) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidCheckSpecException.class)
                .hasMessage("json validation error: " + error);
    }

    @Test
    void readsEveryField() throws Exception {
        CheckSpec s =
                parse(
                        "{'name': 'n', 'slug': 's-1', 'tags': 'a b', 'desc': 'd', 'timeout': 60, 'grace': 31536000,"
                                + " 'schedule': '*/5 * * * *', 'tz': 'Europe/Riga', 'manual_resume': true, 'methods': 'POST',"
                                + " 'channels': '*', 'start_kw': 'go', 'success_kw': 'ok', 'failure_kw': 'err', 'subject': 'x',"
                                + " 'subject_fail': 'y', 'filter_subject': true, 'filter_body': false, 'filter_http_body': true,"
                                + " 'filter_default_fail': true, 'unique': ['name', 'grace'], 'api_key': 'ignored', 'other': null}");
        assertThat(s.name()).isEqualTo("n");
        assertThat(s.slug()).isEqualTo("s-1");
        assertThat(s.timeout()).isEqualTo(60L);
        assertThat(s.grace()).isEqualTo(31_536_000L);
        assertThat(s.schedule()).isEqualTo("*/5 * * * *");
        assertThat(s.kind()).isEqualTo("cron");
        assertThat(s.tz()).isEqualTo("Europe/Riga");
        assertThat(s.manualResume()).isTrue();
        assertThat(s.methods()).isEqualTo("POST");
        assertThat(s.filterHttpBody()).isTrue();
        assertThat(s.filterDefaultFail()).isTrue();
        assertThat(s.unique()).containsExactly("name", "grace");
    }

    @Test
    void emptyObjectSendsNothing() throws Exception {
        assertThat(parse("{}")).isEqualTo(new CheckSpec.Builder().build());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{'name': 5}|name is not a string",
                "{'name': null}|name is not a string",
                "{'tags': ['a']}|tags is not a string",
                "{'desc': false}|desc is not a string",
                "{'channels': 1}|channels is not a string",
                "{'timeout': '3600'}|timeout is not a number",
                "{'timeout': 3600.0}|timeout is not a number",
                "{'timeout': null}|timeout is not a number",
                "{'grace': 1e3}|grace is not a number",
                "{'timeout': 59}|timeout is too small",
                "{'timeout': -1}|timeout is too small",
                "{'timeout': true}|timeout is too small",
                "{'grace': 31536001}|grace is too large",
                "{'grace': 100000000000000000000000}|grace is too large",
                "{'manual_resume': 1}|manual_resume is not a boolean",
                "{'manual_resume': 'true'}|manual_resume is not a boolean",
                "{'filter_body': null}|filter_body is not a boolean",
                "{'methods': 'GET'}|methods has unexpected value",
                "{'methods': null}|methods has unexpected value",
                "{'slug': 'Upper'}|slug does not match pattern",
                "{'slug': 'a b'}|slug does not match pattern",
                "{'schedule': 'not a cron'}|schedule is not a valid cron or OnCalendar expression",
                "{'schedule': '* * * *'}|schedule is not a valid cron or OnCalendar expression",
                "{'schedule': '0 0 31 2 *'}|schedule is not a valid cron or OnCalendar expression",
                "{'schedule': 7}|schedule is not a string",
                "{'tz': 'Mars/Olympus'}|tz is not a valid timezone",
                "{'tz': null}|tz is not a string",
                "{'unique': 'name'}|unique is not an array",
                "{'unique': null}|unique is not an array",
                "{'unique': ['desc']}|an item in 'unique' has unexpected value",
                "{'unique': [1]}|an item in 'unique' has unexpected value",
            })
    void rejectsWrongTypesAndValues(String json, String error) {
        assertRejected(json, error);
    }

    @Test
    void rejectsTooLongStrings() {
        assertRejected("{'name': '" + "x".repeat(101) + "'}", "name is too long");
        assertRejected("{'slug': '" + "x".repeat(101) + "'}", "slug is too long");
        assertRejected("{'tags': '" + "x".repeat(501) + "'}", "tags is too long");
        assertRejected("{'schedule': '" + "1".repeat(101) + "'}", "schedule is too long");
        for (String kw :
                new String[] {"start_kw", "success_kw", "failure_kw", "subject", "subject_fail"}) {
            assertRejected("{'" + kw + "': '" + "k".repeat(201) + "'}", kw + " is too long");
        }
    }

    @Test
    void rejectsNulCharactersThatNoDatabaseCouldStore() {
        assertRejected("{'desc': 'a\\u0000b'}", "desc contains a NUL character");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() throws Exception {
        String emoji = "\uD83D\uDE00".repeat(100);
        assertThat(parse("{'name': '" + emoji + "'}").name()).isEqualTo(emoji);
    }

    @Test
    void reportsOnlyTheFirstProblemInAlphabeticalOrder() {
        assertRejected("{'timeout': 1, 'name': 5, 'channels': 3}", "channels is not a string");
        assertRejected("{'timeout': 1, 'name': 5}", "name is not a string");
        assertRejected("{'tz': 'nowhere', 'grace': 'x'}", "grace is not a number");
    }

    @Test
    void acceptsBoundaryValuesAndEmptyMethods() throws Exception {
        CheckSpec s =
                parse(
                        "{'timeout': 60, 'grace': 60, 'methods': '', 'slug': '', 'name': '"
                                + "n".repeat(100)
                                + "'}");
        assertThat(s.timeout()).isEqualTo(60L);
        assertThat(s.methods()).isEmpty();
        assertThat(s.slug()).isEmpty();
        assertThat(s.kind()).isEqualTo("simple");
    }
}
