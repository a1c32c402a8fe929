package io.mychecks.http.badges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestChecks;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single-check badges: {@code /b/<states>/<check badge key>.<fmt>}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckBadgeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Check check(String name, CheckStatus status) {
        Check c = t.fx.aliceCheck(b -> b.name = name);
        Check withState = c.withState(TestChecks.state(status, t.clock.instant()));
        t.app.database().inTransactionRun(cfg -> t.app.checks().update(cfg.dsl(), withState));
        return withState;
    }

    @Test
    void svgIsLabelledWithTheCheckName() {
        Check c = check("Nightly <backup>", CheckStatus.UP);
        Resp r = t.get("/b/2/" + c.badgeKey() + ".svg");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(r.header("Cache-Control")).contains("no-cache");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.body()).contains(">Nightly &lt;backup&gt;</text>").contains(">up</text>");
    }

    @Test
    void unnamedCheckIsLabelledWithItsUuid() {
        Check c = check("", CheckStatus.NEW);
        assertThat(t.get("/b/3/" + c.badgeKey() + ".svg").body())
                .contains(">" + c.code() + "</text>");
        assertThat(t.get("/b/3/" + c.badgeKey() + ".shields").body())
                .contains("\"label\":\"" + c.code() + "\"");
    }

    @Test
    void gracePeriodIsLateOnlyWithThreeStates() throws Exception {
        Check c = check("late one", CheckStatus.GRACE);
        assertThat(JSON.readTree(t.get("/b/3/" + c.badgeKey() + ".json").body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"status\": \"late\", \"total\": 1, \"grace\": 1, \"down\": 0}"));
        assertThat(JSON.readTree(t.get("/b/2/" + c.badgeKey() + ".json").body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"status\": \"up\", \"total\": 1, \"grace\": 1, \"down\": 0}"));
        assertThat(t.get("/b/3/" + c.badgeKey() + ".shields").body())
                .contains("\"color\":\"important\"");
    }

    @Test
    void downCheckIsDown() throws Exception {
        Check c = check("broken", CheckStatus.DOWN);
        assertThat(JSON.readTree(t.get("/b/2/" + c.badgeKey() + ".json").body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"status\": \"down\", \"total\": 1, \"grace\": 0, \"down\": 1}"));
        assertThat(t.get("/b/3/" + c.badgeKey() + ".shields").body())
                .isEqualTo(
                        "{\"schemaVersion\":1,\"label\":\"broken\",\"message\":\"down\",\"color\":\"critical\"}");
    }

    @Test
    void badgeFollowsTheCheckAsItChanges() throws Exception {
        Check c = check("flaky", CheckStatus.UP);
        assertThat(t.get("/b/2/" + c.badgeKey() + ".json").body()).contains("\"up\"");
        t.get("/ping/" + c.code() + "/fail");
        assertThat(t.get("/b/2/" + c.badgeKey() + ".json").body()).contains("\"down\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "4", "0", "02", "x"})
    void statesOtherThanTwoOrThreeAreNotFound(String states) {
        Check c = check("s", CheckStatus.UP);
        assertThat(t.get("/b/" + states + "/" + c.badgeKey() + ".svg").status()).isEqualTo(404);
    }

    @Test
    void unknownOrMalformedKeysAndFormatsAreNotFound() {
        Check c = check("k", CheckStatus.UP);
        assertThat(t.get("/b/2/5d0a0e4e-0000-4000-8000-000000000000.svg").status()).isEqualTo(404);
        assertThat(t.get("/b/2/" + c.badgeKey().toUpperCase() + ".svg").status()).isEqualTo(404);
        assertThat(t.get("/b/2/" + c.code() + ".svg").status()).isEqualTo(404);
        assertThat(t.get("/b/2/not-a-uuid.svg").status()).isEqualTo(404);
        assertThat(t.get("/b/2/" + c.badgeKey() + ".png").status()).isEqualTo(404);
        assertThat(t.get("/b/2/" + c.badgeKey()).status()).isEqualTo(404);
    }
}
