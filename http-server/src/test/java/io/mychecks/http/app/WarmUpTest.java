package io.mychecks.http.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.http.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code serve} runs before it opens the web server: the ping path and the checks list on the
 * data at hand. It must leave no trace that any client could see.
 */
class WarmUpTest {
    TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    String list() {
        return t.get("/api/v3/checks/", "X-Api-Key", t.fx.aliceApiKey).body();
    }

    @Test
    void runsBothPathsAndLeavesChecksPingsAndFlipsAsTheyWere() {
        Check a = t.fx.aliceCheck(b -> b.name = "nightly");
        Check b = t.fx.aliceCheck(x -> x.name = "hourly");
        assertThat(t.get("/ping/" + b.code() + "/fail").status()).isEqualTo(200);
        String before = list();
        String pingsBefore =
                t.get("/api/v3/checks/" + b.code() + "/pings/", "X-Api-Key", t.fx.aliceApiKey)
                        .body();
        String flipsBefore =
                t.get("/api/v3/checks/" + b.code() + "/flips/", "X-Api-Key", t.fx.aliceApiKey)
                        .body();

        List<String> lines = t.app.warmUp(Duration.ofSeconds(60));

        assertThat(lines.get(0))
                .matches("ping path warmed: 25600 pings applied and rolled back in \\d+ ms");
        // Alice's project has the oldest check: 200 rounds of her three checks' list
        int kib = 200 * list().length() / 1024;
        assertThat(lines.get(1))
                .matches("checks list warmed: 200 lists, (" + kib + "|" + (kib + 1) + ") KiB .*");
        assertThat(list()).isEqualTo(before);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + b.code() + "/pings/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .body())
                .isEqualTo(pingsBefore);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + b.code() + "/flips/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .body())
                .isEqualTo(flipsBefore);
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + a.code() + "/pings/",
                                        "X-Api-Key",
                                        t.fx.aliceApiKey)
                                .body())
                .isEqualTo("{\"pings\":[]}");
    }

    @Test
    void aLargeProjectCostsABoundedAmountOfWork() {
        t.app.database()
                .inTransactionRun(
                        cfg -> {
                            for (int i = 0; i < 1500; i++) {
                                CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
                                b.name = "job " + i;
                                t.app.checks()
                                        .insert(
                                                cfg.dsl(),
                                                t.fx.aliceProject.id(),
                                                b.build(),
                                                t.clock.instant());
                            }
                        });
        assertThat(list().length()).isGreaterThan(1 << 20);

        // each round is cut at 1 MiB, and the whole at 180 MiB
        assertThat(t.app.warmUp(Duration.ofSeconds(120)).get(1))
                .matches("checks list warmed: 180 lists, 184320 KiB rendered in \\d+ ms");
    }

    @Test
    void withoutChecksItSaysSo() {
        t.app.database()
                .inTransactionRun(
                        cfg -> {
                            for (UUID code : t.app.checks().sampleCodes(cfg.dsl(), 100)) {
                                long id =
                                        t.app.checks()
                                                .findByCode(cfg.dsl(), code)
                                                .orElseThrow()
                                                .id();
                                t.app.checks().delete(cfg.dsl(), id);
                            }
                        });
        List<String> lines = t.app.warmUp(Duration.ofSeconds(60));
        assertThat(lines)
                .containsExactly(
                        "ping path not warmed (no checks yet)",
                        "checks list not warmed (no checks yet)");
    }
}
