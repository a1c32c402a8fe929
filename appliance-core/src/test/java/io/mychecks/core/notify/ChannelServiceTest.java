package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.Appliance;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Channel creation through the SPI, on the database the run selects. */
class ChannelServiceTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final TestDatabase db = TestDatabases.current();
    final Appliance app =
            new Appliance(
                    Settings.of(
                            Map.of(
                                    "SECRET_KEY",
                                    "k",
                                    "EMAIL_USE_VERIFICATION",
                                    "False",
                                    "DATA_DIR",
                                    System.getProperty("java.io.tmpdir"))),
                    MutableClock.at("2026-03-27T10:00:00Z"),
                    db.database());
    final Fixtures fx = Fixtures.seed(app);

    @AfterEach
    void close() {
        db.close();
    }

    static ObjectNode json(String s) throws Exception {
        return (ObjectNode) MAPPER.readTree(s.replace('\'', '"'));
    }

    @Test
    void theNamesProblemAndTheFieldsProblemsAreReportedTogether() {
        int before = app.channelService().list(fx.aliceProject).size();
        assertThatThrownBy(
                        () ->
                                app.channelService()
                                        .create(
                                                fx.aliceProject,
                                                json(
                                                        "{'kind': 'webhook', 'name': 7,"
                                                                + " 'url_up': 'ftp://x',"
                                                                + " 'method_down': 'PATCH'}")))
                .isInstanceOf(InvalidChannelException.class)
                .hasMessage("json validation error: name is not a string")
                .satisfies(
                        e ->
                                assertThat(((InvalidChannelException) e).errors())
                                        .extracting(FieldError::field)
                                        .containsExactly("name", "method_down", "url_up"));
        assertThat(app.channelService().list(fx.aliceProject)).hasSize(before);
    }

    @Test
    void aKindWithVerificationIsVerifiedThroughItsHook() throws Exception {
        var created =
                app.channelService()
                        .create(
                                fx.aliceProject,
                                json("{'kind': 'email', 'email': 'ops@example.org'}"));
        // EMAIL_USE_VERIFICATION=False: the email kind's hook verifies at once
        assertThat(created.emailVerified()).isTrue();
        var hook =
                app.channelService()
                        .create(
                                fx.aliceProject,
                                json("{'kind': 'webhook', 'url_up': 'https://example.org/'}"));
        // a kind without verification is never marked verified, nor verifiable by a token
        assertThat(hook.emailVerified()).isFalse();
        assertThat(app.channelService().verify(hook.code(), "x")).isEmpty();
    }
}
