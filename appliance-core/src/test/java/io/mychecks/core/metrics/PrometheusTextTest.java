package io.mychecks.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Samples by "name{labels}", in order; checks every family has HELP and TYPE gauge first. */
    static Map<String, String> samples(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        String helped = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                helped = line.split(" ")[2];
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertThat(parts[2]).isEqualTo(helped);
                assertThat(parts[3]).isEqualTo("gauge");
                typed.add(parts[2]);
                continue;
            }
            int space = line.lastIndexOf(' ');
            String family =
                    line.contains("{")
                            ? line.substring(0, line.indexOf('{'))
                            : line.substring(0, space);
            assertThat(typed).isNotEmpty();
            assertThat(family).isEqualTo(typed.get(typed.size() - 1));
            out.put(line.substring(0, space), line.substring(space + 1));
        }
        return out;
    }

    static String labels(Check c) {
        return "{name=\""
                + c.config().name()
                + "\", tags=\""
                + c.config().tags()
                + "\", unique_key=\""
                + c.uniqueKey()
                + "\"}";
    }

    @Test
    void everyCheckGetsItsStatusFamilies() {
        Check up = TestChecks.inStatus("up", "a", CheckStatus.UP, NOW);
        Check grace = TestChecks.inStatus("grace", "a b", CheckStatus.GRACE, NOW);
        Check down = TestChecks.inStatus("down", "b", CheckStatus.DOWN, NOW);
        Check paused = TestChecks.inStatus("paused", "", CheckStatus.PAUSED, NOW);
        Check started = TestChecks.inStatus("started", "c", CheckStatus.STARTED, NOW);
        Map<String, String> s =
                samples(PrometheusText.render(List.of(up, grace, down, paused, started), NOW));

        assertThat(s)
                .containsEntry("hc_check_up" + labels(up), "1")
                .containsEntry("hc_check_up" + labels(grace), "1")
                .containsEntry("hc_check_up" + labels(down), "0")
                .containsEntry("hc_check_up" + labels(paused), "1")
                .containsEntry("hc_check_up" + labels(started), "1");
        assertThat(s)
                .containsEntry("hc_check_started" + labels(started), "1")
                .containsEntry("hc_check_started" + labels(up), "0");
        assertThat(s)
                .containsEntry("hc_check_grace" + labels(grace), "1")
                .containsEntry("hc_check_grace" + labels(up), "0");
        assertThat(s)
                .containsEntry("hc_check_paused" + labels(paused), "1")
                .containsEntry("hc_check_paused" + labels(down), "0");
        assertThat(s)
                .containsEntry("hc_tag_up{tag=\"a\"}", "1")
                .containsEntry("hc_tag_up{tag=\"b\"}", "0")
                .containsEntry("hc_tag_up{tag=\"c\"}", "1");
        assertThat(s)
                .containsEntry("hc_checks_total", "5")
                .containsEntry("hc_checks_down_total", "1");
        assertThat(s).hasSize(5 * 4 + 3 + 2);
    }

    @Test
    void familiesComeInTheReferenceOrderAndTagsSorted() {
        Check c = TestChecks.inStatus("x", "zeta alpha", CheckStatus.UP, NOW);
        String text = PrometheusText.render(List.of(c), NOW);
        List<String> types =
                text.lines()
                        .filter(l -> l.startsWith("# TYPE "))
                        .map(l -> l.split(" ")[2])
                        .toList();
        assertThat(types)
                .containsExactly(
                        "hc_check_up",
                        "hc_check_started",
                        "hc_check_grace",
                        "hc_check_paused",
                        "hc_tag_up",
                        "hc_checks_total",
                        "hc_checks_down_total");
        assertThat(text.indexOf("tag=\"alpha\"")).isLessThan(text.indexOf("tag=\"zeta\""));
        assertThat(text).endsWith("hc_checks_down_total 0\n");
    }

    @Test
    void labelValuesAreEscaped() {
        Check c = TestChecks.inStatus("back\\slash \"quoted\"\nnext", "t\"ag", CheckStatus.UP, NOW);
        String text = PrometheusText.render(List.of(c), NOW);
        assertThat(text)
                .contains(
                        "hc_check_up{name=\"back\\\\slash \\\"quoted\\\"\\nnext\", tags=\"t\\\"ag\", unique_key=\""
                                + c.uniqueKey()
                                + "\"} 1\n");
        assertThat(text).contains("hc_tag_up{tag=\"t\\\"ag\"} 1\n");
        assertThat(text.lines().filter(l -> l.startsWith("hc_check_up")).count()).isEqualTo(1);
    }

    @Test
    void emptyProjectHasHeadersAndZeroTotals() {
        Map<String, String> s = samples(PrometheusText.render(List.of(), NOW));
        assertThat(s)
                .containsExactly(
                        Map.entry("hc_checks_total", "0"), Map.entry("hc_checks_down_total", "0"));
    }
}
