package io.mychecks.http.api;

import static io.mychecks.http.api.ApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.manage.CheckSnapshot;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks list is streamed from a cursor, a chunk at a time: its bytes are still exactly those
 * of the checks rendered one by one, and its tag filter is still the whole-tag rule.
 */
class ListChecksStreamingTest {
    TestApp t;

    @BeforeEach
    void start() {
        t = new TestApp();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    Check check(Consumer<CheckConfig.Builder> edit) {
        return t.fx.aliceCheck(edit);
    }

    String expectedBody(int version, boolean readOnly) {
        List<String> rendered = new ArrayList<>();
        for (Check c :
                t.app.checks().listForProject(t.app.database().dsl(), t.fx.aliceProject.id())) {
            CheckSnapshot s = t.app.checkQueries().snapshot(c);
            rendered.add(
                    new String(
                            Json.bytes(
                                    CheckJson.render(
                                            c,
                                            version,
                                            readOnly,
                                            s.channelCodes(),
                                            t.app.settings(),
                                            t.clock.instant()))));
        }
        return "{\"checks\":[" + String.join(",", rendered) + "]}";
    }

    @Test
    void bodyIsByteForByteTheChecksRenderedOneByOneAcrossChunks() {
        Channel first = ApiTests.aliceChannel(t, "first");
        Channel second = ApiTests.aliceChannel(t, "second");
        List<Check> made = new ArrayList<>();
        t.app.database()
                .inTransactionRun(
                        cfg -> {
                            for (int i = 0; i < 1203; i++) {
                                CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
                                b.name = "n\"" + i + "\u00e9";
                                b.tags = i % 2 == 0 ? "even all" : "all";
                                if (i % 7 == 0) {
                                    b.kind = "cron";
                                    b.schedule = "*/5 * * * *";
                                }
                                Check c =
                                        t.app.checks()
                                                .insert(
                                                        cfg.dsl(),
                                                        t.fx.aliceProject.id(),
                                                        b.build(),
                                                        t.clock.instant());
                                if (i % 3 == 0) {
                                    c =
                                            c.withState(
                                                    CheckState.fresh()
                                                            .withStatus(CheckStatus.UP)
                                                            .withLastPing(
                                                                    t.clock
                                                                            .instant()
                                                                            .minus(
                                                                                    Duration
                                                                                            .ofHours(
                                                                                                    i
                                                                                                            % 30))));
                                    t.app.checks().update(cfg.dsl(), c);
                                }
                                if (i % 250 == 0) {
                                    t.app.channels()
                                            .setForCheck(
                                                    cfg.dsl(),
                                                    c.id(),
                                                    List.of(first.id(), second.id()));
                                } else if (i % 101 == 0) {
                                    t.app.channels()
                                            .setForCheck(cfg.dsl(), c.id(), List.of(second.id()));
                                }
                                made.add(c);
                            }
                        });
        Resp rw = t.get("/api/v3/checks/", "X-Api-Key", t.fx.aliceApiKey);
        assertThat(rw.status()).isEqualTo(200);
        assertThat(rw.header("Content-Type")).isEqualTo("application/json");
        assertThat(rw.body()).isEqualTo(expectedBody(3, false));
        assertThat(t.get("/api/v1/checks/", "X-Api-Key", t.fx.aliceReadonlyKey).body())
                .isEqualTo(expectedBody(1, true));

        JsonNode checks = json(rw).get("checks");
        assertThat(checks.size()).isGreaterThanOrEqualTo(1203);
        String both =
                List.of(first.code(), second.code()).stream()
                        .map(UUID::toString)
                        .sorted()
                        .collect(Collectors.joining(","));
        int channelled = 0;
        for (JsonNode c : checks) {
            if (c.get("uuid").asText().equals(made.get(1000).code().toString())) {
                assertThat(c.get("channels").asText()).isEqualTo(both);
                channelled++;
            }
            if (c.get("uuid").asText().equals(made.get(1111).code().toString())) {
                assertThat(c.get("channels").asText()).isEqualTo(second.code().toString());
                channelled++;
            }
        }
        assertThat(channelled).isEqualTo(2);
        assertThat(names("?tag=even&tag=all")).hasSize(602);
    }

    List<String> names(String query) {
        Resp r = t.get("/api/v3/checks/" + query, "X-Api-Key", t.fx.aliceApiKey);
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(r).get("checks").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void tagFilterMatchesWholeTagsWithoutWildcardsOrCaseFolding() {
        String[][] checks = {
            {"percent", "w%d"},
            {"underscore", "w_d other"},
            {"plain", "wxd"},
            {"upper", "WXD"},
            {"tabbed", "\twtab\t  other"},
            {"longer", "wxd-eu"}
        };
        for (String[] nameAndTags : checks) {
            check(
                    b -> {
                        b.name = nameAndTags[0];
                        b.tags = nameAndTags[1];
                    });
        }
        assertThat(names("?tag=w%25d")).containsExactly("percent");
        assertThat(names("?tag=w_d")).containsExactly("underscore");
        assertThat(names("?tag=wxd")).containsExactly("plain");
        assertThat(names("?tag=WXD")).containsExactly("upper");
        assertThat(names("?tag=wtab")).containsExactly("tabbed");
        assertThat(names("?tag=wtab&tag=other")).containsExactly("tabbed");
        assertThat(names("?tag=other")).containsExactly("underscore", "tabbed");
        assertThat(names("?tag=w")).isEmpty();
        assertThat(names("?tag=%25")).isEmpty();
        assertThat(names("?tag=_")).isEmpty();
        assertThat(names("?tag=wxd-")).isEmpty();
        assertThat(names("?tag=%09wtab")).isEmpty();
        assertThat(names("?tag=wxd&slug=")).containsExactly("plain");
    }

    @Test
    void uniqueKeyLookUpFindsOnlyTheKeysProject() {
        Check mine = check(b -> b.name = "by-unique-key");
        Check bobs = ApiTests.bobCheck(t);
        Resp r = t.get("/api/v3/checks/" + mine.uniqueKey(), "X-Api-Key", t.fx.aliceReadonlyKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("name").asText()).isEqualTo("by-unique-key");
        assertThat(
                        t.get(
                                        "/api/v3/checks/" + bobs.uniqueKey(),
                                        "X-Api-Key",
                                        t.fx.aliceReadonlyKey)
                                .status())
                .isEqualTo(404);
    }
}
