package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.pings.Ping;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteCheckApiTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Resp delete(String version, UUID code, String key) {
        return t.request(
                "DELETE", "/api/" + version + "/checks/" + code, (String) null, "X-Api-Key", key);
    }

    boolean exists(Check c) {
        return t.app.database()
                .inTransaction(cfg -> t.app.checks().findById(cfg.dsl(), c.id()).isPresent());
    }

    @Test
    void deleteAnswersTheCheckAsItWasAndRemovesIt() {
        Check c = t.fx.aliceCheck(b -> b.name = "doomed");
        Channel ch = ApiTests.aliceChannel(t, "delete-channel");
        t.app.database()
                .inTransactionRun(
                        cfg -> t.app.channels().setForCheck(cfg.dsl(), c.id(), List.of(ch.id())));
        t.get("/ping/" + c.code());
        t.get("/ping/" + c.code() + "/fail");
        Resp r = delete("v1", c.code(), t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("name").asText()).isEqualTo("doomed");
        assertThat(body.get("uuid").asText()).isEqualTo(c.code().toString());
        assertThat(body.get("n_pings").asInt()).isEqualTo(2);
        assertThat(body.get("status").asText()).isEqualTo("down");
        assertThat(body.get("channels").asText()).isEqualTo(ch.code().toString());
        assertThat(body.get("update_url").asText()).contains("/api/v1/");
        assertThat(exists(c)).isFalse();
        assertThat(ApiTests.flips(t, c)).isEmpty();
        List<Ping> pings =
                t.app.database()
                        .inTransaction(cfg -> t.app.pings().recent(cfg.dsl(), c.id(), 0, 10));
        assertThat(pings).isEmpty();
        Optional<Channel> channel =
                t.app.database()
                        .inTransaction(cfg -> t.app.channels().findById(cfg.dsl(), ch.id()));
        assertThat(channel).isPresent();
        assertThat(t.get("/api/v1/checks/" + c.code(), "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(404);
        assertThat(delete("v1", c.code(), t.fx.aliceApiKey).status()).isEqualTo(404);
    }

    @Test
    void checkOfAnotherProjectIsForbiddenAndKept() {
        Check bobs = ApiTests.bobCheck(t);
        Resp r = delete("v3", bobs.code(), t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEmpty();
        assertThat(exists(bobs)).isTrue();
    }

    @Test
    void unknownCheckIsNotFound() {
        assertThat(delete("v3", UUID.randomUUID(), t.fx.aliceApiKey).status()).isEqualTo(404);
    }

    @Test
    void readOnlyKeyCannotDelete() {
        Check c = t.fx.aliceCheck(b -> b.name = "kept");
        Resp r = delete("v3", c.code(), t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("wrong api key");
        assertThat(exists(c)).isTrue();
    }
}
