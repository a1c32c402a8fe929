package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.Flip;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PauseResumeApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp action(String version, Check c, String what) {
        return t.post(
                "/api/" + version + "/checks/" + c.code() + "/" + what,
                "",
                "X-Api-Key",
                t.fx.aliceApiKey);
    }

    Check running() {
        Check c = t.fx.aliceCheck(b -> b.name = "to pause");
        t.get("/ping/" + c.code());
        t.get("/ping/" + c.code() + "/start");
        return c;
    }

    @Test
    void pauseStopsTheCheckWithAProcessedFlip() {
        Check c = running();
        Resp r = action("v2", c, "pause");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("status").asText()).isEqualTo("paused");
        assertThat(body.get("started").asBoolean()).isFalse();
        assertThat(body.get("next_ping").isNull()).isTrue();
        assertThat(body.get("resume_url").asText())
                .isEqualTo("http://localhost:8000/api/v2/checks/" + c.code() + "/resume");
        Check after = t.fx.reload(c);
        assertThat(after.state().status()).isEqualTo(CheckStatus.PAUSED);
        assertThat(after.state().lastStart()).isNull();
        assertThat(after.state().alertAfter()).isNull();
        assertThat(after.state().lastPing()).isNotNull();
        Flip latest = ApiTests.flips(t, c).get(0);
        assertThat(latest.oldStatus()).isEqualTo(CheckStatus.UP);
        assertThat(latest.newStatus()).isEqualTo(CheckStatus.PAUSED);
        assertThat(latest.processed()).isNotNull();
    }

    @Test
    void pausingAPausedCheckChangesNothing() {
        Check c = running();
        action("v3", c, "pause");
        List<Flip> before = ApiTests.flips(t, c);
        Resp again = action("v3", c, "pause");
        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again).get("status").asText()).isEqualTo("paused");
        assertThat(ApiTests.flips(t, c)).hasSameSizeAs(before);
    }

    @Test
    void resumeMakesAPausedCheckNewAgain() {
        Check c = running();
        action("v3", c, "pause");
        Resp r = action("v3", c, "resume");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("status").asText()).isEqualTo("new");
        assertThat(body.get("last_ping").isNull()).isTrue();
        Check after = t.fx.reload(c);
        assertThat(after.state().status()).isEqualTo(CheckStatus.NEW);
        assertThat(after.state().lastPing()).isNull();
        assertThat(after.state().lastStart()).isNull();
        assertThat(after.state().alertAfter()).isNull();
        Flip latest = ApiTests.flips(t, c).get(0);
        assertThat(latest.oldStatus()).isEqualTo(CheckStatus.PAUSED);
        assertThat(latest.newStatus()).isEqualTo(CheckStatus.NEW);
        assertThat(latest.processed()).isNotNull();
    }

    @Test
    void resumingACheckThatIsNotPausedIsAConflict() {
        Check c = running();
        Resp r = action("v3", c, "resume");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).isEqualTo("check is not paused");
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void foreignAndUnknownChecksAreRefused() {
        Check bobs = ApiTests.bobCheck(t);
        Resp forbidden = action("v3", bobs, "pause");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEmpty();
        assertThat(t.fx.reload(bobs).state().status()).isEqualTo(CheckStatus.NEW);
        assertThat(action("v3", bobs, "resume").status()).isEqualTo(403);
        String unknown = "/api/v3/checks/" + UUID.randomUUID();
        assertThat(t.post(unknown + "/pause", "", "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(404);
        assertThat(t.post(unknown + "/resume", "", "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(404);
    }

    @Test
    void pauseTakesOnlyPostWithAReadWriteKey() {
        Check c = running();
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + c.code() + "/pause",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .status())
                .isEqualTo(405);
        Resp ro =
                t.post(
                        "/api/v3/checks/" + c.code() + "/pause",
                        "",
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(ro.status()).isEqualTo(401);
        assertThat(t.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
    }
}
