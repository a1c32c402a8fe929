package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.j;
import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateCheckApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp update(String version, Check c, String body) {
        return t.post(
                "/api/" + version + "/checks/" + c.code(), j(body), "X-Api-Key", t.fx.aliceApiKey);
    }

    Check named(String name) {
        return t.fx.aliceCheck(
                b -> {
                    b.name = name;
                    b.slug = "hand-picked";
                    b.tags = "keep";
                    b.desc = "keep me";
                });
    }

    @Test
    void writesOnlyTheSentFields() {
        Check c = named("partial");
        Resp r = update("v3", c, "{'grace': 120, 'desc': 'new desc', 'filter_body': true}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("grace").asInt()).isEqualTo(120);
        assertThat(body.get("desc").asText()).isEqualTo("new desc");
        assertThat(body.get("tags").asText()).isEqualTo("keep");
        assertThat(body.get("name").asText()).isEqualTo("partial");
        Check after = t.fx.reload(c);
        assertThat(after.config().grace()).isEqualTo(120);
        assertThat(after.config().filterBody()).isTrue();
        assertThat(after.config().slug()).isEqualTo("hand-picked");
        assertThat(after.config().timeout()).isEqualTo(c.config().timeout());
    }

    @ParameterizedTest
    @CsvSource({"v1, renamed-check", "v2, renamed-check", "v3, hand-picked"})
    void renamingRegeneratesTheSlugOnlyBeforeV3(String version, String slug) {
        Check c = named("before rename " + version);
        JsonNode body = json(update(version, c, "{'name': 'Renamed Check'}"));
        assertThat(body.get("slug").asText()).isEqualTo(slug);
        assertThat(body.get("update_url").asText())
                .endsWith("/api/" + version + "/checks/" + c.code());
        assertThat(t.fx.reload(c).config().slug()).isEqualTo(slug);
    }

    @Test
    void newPeriodMovesTheAlertTimeWithoutAFlip() {
        Check c = named("alert-after");
        assertThat(t.get("/ping/" + c.code()).status()).isEqualTo(200);
        Check up = t.fx.reload(c);
        assertThat(ApiTests.flips(t, c)).hasSize(1);
        update("v3", c, "{'timeout': 60, 'grace': 60}");
        Check after = t.fx.reload(c);
        assertThat(after.state().alertAfter()).isEqualTo(up.state().lastPing().plusSeconds(120));
        assertThat(after.state().status()).isEqualTo(CheckStatus.UP);
        update("v3", c, "{'schedule': '0 0 1 1 *', 'tz': 'Asia/Tokyo'}");
        Check cron = t.fx.reload(c);
        assertThat(cron.config().kind()).isEqualTo("cron");
        assertThat(cron.config().tz()).isEqualTo("Asia/Tokyo");
        assertThat(cron.state().alertAfter()).isAfter(after.state().alertAfter());
        assertThat(ApiTests.flips(t, c)).hasSize(1);
    }

    @Test
    void channelsAreReplacedClearedOrLeftAlone() {
        Check c = named("channels");
        Channel ch = ApiTests.aliceChannel(t, "update-channel");
        assertThat(json(update("v3", c, "{'channels': 'update-channel'}")).get("channels").asText())
                .isEqualTo(ch.code().toString());
        assertThat(json(update("v3", c, "{'desc': 'x'}")).get("channels").asText())
                .isEqualTo(ch.code().toString());
        assertThat(json(update("v3", c, "{'channels': ''}")).get("channels").asText()).isEmpty();
        assertThat(ApiTests.channelCodes(t, c)).isEmpty();
    }

    @Test
    void badChannelLeavesTheWholeCheckUnchanged() {
        Check c = named("atomic");
        Resp r = update("v3", c, "{'name': 'changed', 'channels': 'no-such-channel'}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(t.fx.reload(c).config().name()).isEqualTo("atomic");
    }

    @Test
    void checkOfAnotherProjectIsForbidden() {
        Check bobs = ApiTests.bobCheck(t);
        Resp r =
                t.post(
                        "/api/v3/checks/" + bobs.code(),
                        j("{'name': 'hijack'}"),
                        "X-Api-Key",
                        t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEmpty();
        assertThat(t.fx.reload(bobs).config().name()).isEmpty();
    }

    @Test
    void unknownCheckIsNotFound() {
        Resp r = t.post("/api/v3/checks/" + UUID.randomUUID(), "{}", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not found");
    }

    @Test
    void readOnlyKeyCannotUpdate() {
        Check c = named("read-only");
        Resp r =
                t.post(
                        "/api/v3/checks/" + c.code(),
                        j("{'name': 'nope'}"),
                        "X-Api-Key",
                        t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("wrong api key");
    }

    @Test
    void uniqueKeyPathTakesOnlyGet() {
        Check c = named("by-key");
        Resp r = t.post("/api/v3/checks/" + c.uniqueKey(), "{}", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.body()).isEmpty();
    }
}
