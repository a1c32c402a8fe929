package io.mychecks.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestChecks;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A project's Prometheus metrics and who may read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusTest {
    TestApp t;
    String code;
    Check up;
    Check down;

    @BeforeAll
    void start() {
        t = new TestApp();
        code = t.fx.aliceProject.code().toString();
        up = check("Backup \"db\"\\nightly\nsecond line", "prod db", CheckStatus.UP);
        down = check("Mailer", "prod", CheckStatus.DOWN);
        check("Paused", "", CheckStatus.PAUSED);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    Check check(String name, String tags, CheckStatus status) {
        Check c =
                t.fx.aliceCheck(
                        b -> {
                            b.name = name;
                            b.tags = tags;
                        });
        Check withState = c.withState(TestChecks.state(status, t.clock.instant()));
        t.app.database().inTransactionRun(cfg -> t.app.checks().update(cfg.dsl(), withState));
        return withState;
    }

    /**
     * Parses the exposition line by line into samples; checks HELP and TYPE gauge precede each
     * family.
     */
    static Map<String, String> samples(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String helped = null;
        String typed = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            } else if (line.startsWith("# HELP ")) {
                helped = line.split(" ")[2];
            } else if (line.startsWith("# TYPE ")) {
                assertThat(line).isEqualTo("# TYPE " + helped + " gauge");
                typed = helped;
            } else {
                assertThat(line).startsWith(typed);
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    @Test
    void readOnlyKeyInThePathGetsTheMetrics() {
        Resp r = t.get("/projects/" + code + "/metrics/" + t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        Map<String, String> s = samples(r.body());
        String upLabels =
                "{name=\"Backup \\\"db\\\"\\\\nightly\\nsecond line\", tags=\"prod db\", unique_key=\""
                        + up.uniqueKey()
                        + "\"}";
        String downLabels =
                "{name=\"Mailer\", tags=\"prod\", unique_key=\"" + down.uniqueKey() + "\"}";
        assertThat(s)
                .containsEntry("hc_check_up" + upLabels, "1")
                .containsEntry("hc_check_up" + downLabels, "0");
        assertThat(s)
                .containsEntry("hc_check_started" + upLabels, "0")
                .containsEntry("hc_check_grace" + upLabels, "0");
        assertThat(s)
                .containsEntry("hc_tag_up{tag=\"db\"}", "1")
                .containsEntry("hc_tag_up{tag=\"prod\"}", "0");
        // the project also holds the check every new project starts with
        int total =
                t.app.checks()
                        .listForProject(t.app.database().dsl(), t.fx.aliceProject.id())
                        .size();
        assertThat(s)
                .containsEntry("hc_checks_total", Integer.toString(total))
                .containsEntry("hc_checks_down_total", "1");
        assertThat(
                        s.keySet().stream()
                                .filter(k -> k.startsWith("hc_check_paused{"))
                                .map(s::get)
                                .filter("1"::equals)
                                .count())
                .isEqualTo(1);
        List<String> lines = r.body().lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("hc_check_up{")).count())
                .isEqualTo(total);
    }

    @Test
    void legacyPathAndBearerHeaderWorkToo() {
        String expected = t.get("/projects/" + code + "/metrics/" + t.fx.aliceReadonlyKey).body();
        assertThat(t.get("/projects/" + code + "/checks/metrics/" + t.fx.aliceReadonlyKey).body())
                .isEqualTo(expected);
        Resp bearer =
                t.get(
                        "/projects/" + code + "/metrics/",
                        "Authorization",
                        "Bearer " + t.fx.aliceReadonlyKey);
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo(expected);
    }

    @Test
    void missingBearerIsUnauthorized() {
        assertThat(t.get("/projects/" + code + "/metrics/").status()).isEqualTo(401);
        assertThat(
                        t.get(
                                        "/projects/" + code + "/metrics/",
                                        "Authorization",
                                        "Basic " + t.fx.aliceReadonlyKey)
                                .status())
                .isEqualTo(401);
        assertThat(
                        t.get(
                                        "/projects/" + code + "/metrics/",
                                        "Authorization",
                                        t.fx.aliceReadonlyKey)
                                .status())
                .isEqualTo(401);
    }

    @Test
    void keyOfTheWrongLengthIsABadRequest() {
        assertThat(t.get("/projects/" + code + "/metrics/short").status()).isEqualTo(400);
        assertThat(
                        t.get(
                                        "/projects/" + code + "/metrics/",
                                        "Authorization",
                                        "Bearer " + t.fx.aliceReadonlyKey + "x")
                                .status())
                .isEqualTo(400);
    }

    @Test
    void readWriteAndUnknownKeysAreForbidden() {
        assertThat(t.get("/projects/" + code + "/metrics/" + t.fx.aliceApiKey).status())
                .isEqualTo(403);
        assertThat(t.get("/projects/" + code + "/metrics/" + "hcr_" + "x".repeat(28)).status())
                .isEqualTo(403);
        assertThat(t.get("/projects/" + code + "/metrics/" + "y".repeat(32)).status())
                .isEqualTo(403);
    }

    @Test
    void projectCodeMustBeTheKeysProject() {
        String bobCode = t.fx.bobProject.code().toString();
        assertThat(t.get("/projects/" + bobCode + "/metrics/" + t.fx.aliceReadonlyKey).status())
                .isEqualTo(403);
        assertThat(
                        t.get(
                                        "/projects/5d0a0e4e-0000-4000-8000-000000000000/metrics/"
                                                + t.fx.aliceReadonlyKey)
                                .status())
                .isEqualTo(403);
        assertThat(t.get("/projects/not-a-uuid/metrics/" + t.fx.aliceReadonlyKey).status())
                .isEqualTo(404);
    }

    @Test
    void disabledPrometheusIsNotFound() {
        try (TestApp off = new TestApp(Map.of("PROMETHEUS_ENABLED", "False"))) {
            String offCode = off.fx.aliceProject.code().toString();
            assertThat(
                            off.get("/projects/" + offCode + "/metrics/" + off.fx.aliceReadonlyKey)
                                    .status())
                    .isEqualTo(404);
            assertThat(
                            off.get(
                                            "/projects/" + offCode + "/metrics/",
                                            "Authorization",
                                            "Bearer " + off.fx.aliceReadonlyKey)
                                    .status())
                    .isEqualTo(404);
        }
    }
}
