package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.j;
import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad request bodies on create ({@code checks/}) and update ({@code checks/<uuid>}): the exact 400
 * texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckValidationApiTest {
    TestApp t;
    Check target;

    @BeforeAll
    void start() {
        t = new TestApp();
        target = t.fx.aliceCheck(b -> b.name = "target");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    String path(boolean update) {
        return update ? "/api/v3/checks/" + target.code() : "/api/v3/checks/";
    }

    void assertRejected(boolean update, String body, String error) {
        int before = ApiTests.checkCount(t, t.fx.alice);
        Resp r = t.post(path(update), body, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(r).get("error").asText()).isEqualTo(error);
        assertThat(ApiTests.checkCount(t, t.fx.alice)).isEqualTo(before);
        assertThat(t.fx.reload(target).config()).isEqualTo(target.config());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void malformedJsonCannotBeParsed(boolean update) {
        assertRejected(update, "{\"name\": ", "could not parse request body");
        assertRejected(update, "{'name': 'x'}", "could not parse request body");
        assertRejected(update, "{} {}", "could not parse request body");
        assertRejected(update, " \n\t", "could not parse request body");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nonObjectBodiesAreRejected(boolean update) {
        assertRejected(update, "[]", "json validation error: value is not an object");
        assertRejected(update, "\"name\"", "json validation error: value is not an object");
        assertRejected(update, "null", "json validation error: value is not an object");
        assertRejected(update, "42", "json validation error: value is not an object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "false|{'name': 7}|json validation error: name is not a string",
                "true|{'name': null}|json validation error: name is not a string",
                "false|{'timeout': '3600'}|json validation error: timeout is not a number",
                "true|{'timeout': 3600.0}|json validation error: timeout is not a number",
                "false|{'grace': null}|json validation error: grace is not a number",
                "true|{'timeout': 59}|json validation error: timeout is too small",
                "false|{'grace': 31536001}|json validation error: grace is too large",
                "true|{'manual_resume': 1}|json validation error: manual_resume is not a boolean",
                "false|{'filter_body': 'yes'}|json validation error: filter_body is not a boolean",
                "true|{'methods': 'GET'}|json validation error: methods has unexpected value",
                "false|{'slug': 'Not Valid'}|json validation error: slug does not match pattern",
                "true|{'schedule': '61 * * * *'}|json validation error: schedule is not a valid cron or OnCalendar expression",
                "false|{'schedule': 'whenever'}|json validation error: schedule is not a valid cron or OnCalendar expression",
                "true|{'tz': 'Moon/Tranquility'}|json validation error: tz is not a valid timezone",
                "false|{'unique': 'name'}|json validation error: unique is not an array",
                "false|{'unique': ['name', 'desc']}|json validation error: an item in 'unique' has unexpected value",
                "true|{'channels': 5}|json validation error: channels is not a string",
                "false|{'timeout': 30, 'name': 5}|json validation error: name is not a string",
                "true|{'desc': 'nul \\u0000 inside'}|json validation error: desc contains a NUL character",
            })
    void wrongTypesAndValuesGetTheReferenceTexts(boolean update, String body, String error) {
        assertRejected(update, j(body), error);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tooLongFieldsAreRejected(boolean update) {
        assertRejected(
                update,
                j("{'name': '" + "n".repeat(101) + "'}"),
                "json validation error: name is too long");
        assertRejected(
                update,
                j("{'tags': '" + "t".repeat(501) + "'}"),
                "json validation error: tags is too long");
        assertRejected(
                update,
                j("{'success_kw': '" + "k".repeat(201) + "'}"),
                "json validation error: success_kw is too long");
        assertRejected(
                update,
                j("{'schedule': '" + "* ".repeat(51) + "'}"),
                "json validation error: schedule is too long");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badChannelsAreRejected(boolean update) {
        assertRejected(update, j("{'channels': 'missing'}"), "invalid channel identifier: missing");
        assertRejected(update, j("{'channels': ',missing'}"), "empty channel identifier");
    }

    @Test
    void hugeBodyIsRejected() {
        byte[] body = new byte[2_700_000];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        Resp r = t.request("POST", "/api/v3/checks/", body, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void validationComesAfterAuthentication() {
        Resp r =
                t.post(
                        "/api/v3/checks/",
                        j("{'timeout': 'x'}"),
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("wrong api key");
    }

    @Test
    void unknownCheckIsNotFoundEvenWithABadBody() {
        Resp r =
                t.post(
                        "/api/v3/checks/" + java.util.UUID.randomUUID(),
                        j("{'timeout': 'x'}"),
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(404);
    }
}
