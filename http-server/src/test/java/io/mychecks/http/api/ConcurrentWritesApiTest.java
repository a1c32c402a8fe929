package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** API writes racing each other and racing pings: nothing lost, nothing doubled, no 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesApiTest {
    TestApp t;
    ExecutorService pool;

    @BeforeAll
    void start() {
        t = new TestApp();
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        t.close();
    }

    Resp upsert(String body) {
        return t.post("/api/v3/checks/", body, "X-Api-Key", t.fx.aliceApiKey);
    }

    @Test
    void parallelUpsertsOfOneSlugCreateOneCheck() throws Exception {
        List<Future<Resp>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(
                    pool.submit(
                            () ->
                                    upsert(
                                            "{\"name\": \"race\", \"slug\": \"race\","
                                                    + " \"unique\": [\"slug\"]}")));
        }
        int created = 0;
        for (Future<Resp> f : answers) {
            Resp r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            created += r.status() == 201 ? 1 : 0;
        }
        assertThat(created).isEqualTo(1);
        Resp list = t.get("/api/v3/checks/?slug=race", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(json(list).get("checks").size()).isEqualTo(1);
    }

    @Test
    void upsertsRacingPingsLoseNoPing() throws Exception {
        Check c = t.fx.aliceCheck(b -> b.name = "busy");
        List<Future<Resp>> answers = new ArrayList<>();
        int pings = 300;
        for (int i = 0; i < pings; i++) {
            answers.add(pool.submit(() -> t.post("/ping/" + c.code(), "")));
            if (i % 5 == 0) {
                answers.add(
                        pool.submit(
                                () ->
                                        upsert(
                                                "{\"name\": \"busy\", \"unique\": [\"name\"],"
                                                        + " \"desc\": \"touched\"}")));
            }
        }
        for (Future<Resp> f : answers) {
            Resp r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        Check after = t.fx.reload(c);
        assertThat(after.state().nPings()).isEqualTo(pings);
        assertThat(after.config().desc()).isEqualTo("touched");
    }

    @Test
    void aFailPingRacingUpsertsLeavesTheCheckDown() throws Exception {
        for (int round = 0; round < 10; round++) {
            Check c = t.fx.aliceCheck(b -> b.name = "flaky");
            assertThat(t.get("/ping/" + c.code()).status()).isEqualTo(200);
            String unique = "{\"name\": \"" + "flaky-" + c.code() + "\", \"unique\": [\"name\"]}";
            t.post(
                    "/api/v3/checks/" + c.code(),
                    "{\"name\": \"flaky-" + c.code() + "\"}",
                    "X-Api-Key",
                    t.fx.aliceApiKey);
            List<Future<Resp>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> upsert(unique)));
            }
            answers.add(pool.submit(() -> t.get("/ping/" + c.code() + "/fail")));
            for (Future<Resp> f : answers) {
                assertThat(f.get().status()).isIn(200, 201);
            }
            assertThat(t.fx.reload(c).state().status().wire())
                    .as("round " + round)
                    .isEqualTo("down");
        }
    }
}
