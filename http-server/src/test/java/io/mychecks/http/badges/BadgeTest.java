package io.mychecks.http.badges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.testing.TestChecks;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Project badges: {@code /badge/<key>/<sig>/<tag>.<fmt>} and {@code /badge/<key>/<sig>.<fmt>}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestApp t;
    String key;

    @BeforeAll
    void start() {
        t = new TestApp();
        key = t.fx.aliceProject.badgeKey();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    /** The reference's signature, derived here step by step with javax.crypto. */
    static String sig(String badgeKey, String tag) throws Exception {
        byte[] keyBytes =
                MessageDigest.getInstance("SHA-1")
                        .digest((badgeKey + "test-secret-key").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(keyBytes, "HmacSHA1"));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(tag.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
    }

    Check check(long projectId, String tags, CheckStatus status) {
        CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
        b.name = "check " + tags;
        b.tags = tags;
        return t.app.database()
                .inTransaction(
                        cfg -> {
                            Check c =
                                    t.app.checks()
                                            .insert(
                                                    cfg.dsl(),
                                                    projectId,
                                                    b.build(),
                                                    t.clock.instant());
                            Check withState =
                                    c.withState(TestChecks.state(status, t.clock.instant()));
                            t.app.checks().update(cfg.dsl(), withState);
                            return withState;
                        });
    }

    Resp badge(String tag, String suffix, String fmt) throws Exception {
        return t.get("/badge/" + key + "/" + sig(key, tag) + suffix + "/" + tag + "." + fmt);
    }

    JsonNode json(Resp r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void svgBadgeOfATagSaysUpAndIsNeverCached() throws Exception {
        check(t.fx.aliceProject.id(), "svgtag", CheckStatus.UP);
        Resp r = badge("svgtag", "", "svg");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(r.header("Cache-Control")).contains("no-cache").contains("no-store");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.body())
                .startsWith("<svg ")
                .contains(">svgtag</text>")
                .contains(">up</text>")
                .contains("#4c1");
    }

    @Test
    void jsonBadgeCountsOnlyChecksWithTheExactTag() throws Exception {
        check(t.fx.aliceProject.id(), "web", CheckStatus.UP);
        check(t.fx.aliceProject.id(), "web other", CheckStatus.GRACE);
        check(t.fx.aliceProject.id(), "webs", CheckStatus.DOWN);
        Resp three = badge("web", "", "json");
        assertThat(three.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(three))
                .isEqualTo(
                        JSON.readTree(
                                "{\"status\": \"late\", \"total\": 2, \"grace\": 1, \"down\": 0}"));
        assertThat(json(badge("web", "-2", "json")))
                .isEqualTo(
                        JSON.readTree(
                                "{\"status\": \"up\", \"total\": 2, \"grace\": 1, \"down\": 0}"));
    }

    @Test
    void downCheckMakesTheBadgeDownInBothModes() throws Exception {
        check(t.fx.aliceProject.id(), "db", CheckStatus.GRACE);
        check(t.fx.aliceProject.id(), "db", CheckStatus.DOWN);
        assertThat(json(badge("db", "", "json")).get("status").asText()).isEqualTo("down");
        assertThat(json(badge("db", "-2", "json")).get("status").asText()).isEqualTo("down");
        assertThat(badge("db", "-2", "svg").body()).contains(">down</text>").contains("#e05d44");
    }

    @Test
    void shieldsEndpointJsonNamesTheColour() throws Exception {
        check(t.fx.aliceProject.id(), "cron", CheckStatus.GRACE);
        Resp r = badge("cron", "", "shields");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body())
                .isEqualTo(
                        "{\"schemaVersion\":1,\"label\":\"cron\",\"message\":\"late\",\"color\":\"important\"}");
        assertThat(json(badge("cron", "-2", "shields")).get("color").asText()).isEqualTo("success");
        assertThat(badge("cron", "", "svg").body()).contains(">late</text>").contains("#fe7d37");
    }

    @Test
    void allChecksBadgeIsLabelledWithTheSiteName() throws Exception {
        String bobKey = t.fx.bobProject.badgeKey();
        check(t.fx.bobProject.id(), "x", CheckStatus.UP);
        check(t.fx.bobProject.id(), "", CheckStatus.DOWN);
        Resp svg = t.get("/badge/" + bobKey + "/" + sig(bobKey, "*") + ".svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).contains(">Mychecks</text>").contains(">down</text>");
        Resp shields = t.get("/badge/" + bobKey + "/" + sig(bobKey, "*") + "-2.shields");
        assertThat(json(shields).get("label").asText()).isEqualTo("Mychecks");
        assertThat(json(shields).get("color").asText()).isEqualTo("critical");
        int total =
                t.app.checks().listForProject(t.app.database().dsl(), t.fx.bobProject.id()).size();
        assertThat(
                        json(t.get("/badge/" + bobKey + "/" + sig(bobKey, "*") + ".json"))
                                .get("total")
                                .asInt())
                .isEqualTo(total)
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void tagWithMarkupIsEscapedInTheSvg() throws Exception {
        check(t.fx.aliceProject.id(), "a&b", CheckStatus.UP);
        Resp r = t.get("/badge/" + key + "/" + sig(key, "a&b") + "/a%2526b.svg");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(">a&amp;b</text>").doesNotContain("a&b");
        assertThat(
                        json(t.get("/badge/" + key + "/" + sig(key, "a&b") + "/a%2526b.json"))
                                .get("total")
                                .asInt())
                .isEqualTo(1);
    }

    @Test
    void tagEncodedOnlyOnceIsNotFound() throws Exception {
        assertThat(t.get("/badge/" + key + "/" + sig(key, "a&b") + "/a%26b.svg").status())
                .isEqualTo(404);
    }

    @Test
    void tagMayContainDots() throws Exception {
        check(t.fx.aliceProject.id(), "v1.2", CheckStatus.DOWN);
        assertThat(json(badge("v1.2", "", "json")).get("down").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "SVG", "svgz", "", "shield"})
    void unknownFormatIsNotFound(String fmt) throws Exception {
        assertThat(badge("web", "", fmt).status()).isEqualTo(404);
    }

    @Test
    void missingExtensionIsNotFound() throws Exception {
        assertThat(t.get("/badge/" + key + "/" + sig(key, "web") + "/web").status()).isEqualTo(404);
    }

    @Test
    void wrongSignatureIsNotFound() throws Exception {
        String good = sig(key, "web");
        assertThat(t.get("/badge/" + key + "/" + sig(key, "other") + "/web.svg").status())
                .isEqualTo(404);
        assertThat(t.get("/badge/" + key + "/" + good.substring(0, 7) + "/web.svg").status())
                .isEqualTo(404);
        assertThat(
                        t.get(
                                        "/badge/"
                                                + key
                                                + "/"
                                                + new StringBuilder(good).reverse()
                                                + "/web.svg")
                                .status())
                .isEqualTo(404);
        assertThat(t.get("/badge/" + key + "/" + sig(key, "web") + ".svg").status()).isEqualTo(404);
    }

    @Test
    void unknownBadgeKeyIsNotFoundEvenWithItsSignature() throws Exception {
        String unknown = "5d0a0e4e-0000-4000-8000-000000000000";
        assertThat(t.get("/badge/" + unknown + "/" + sig(unknown, "web") + "/web.svg").status())
                .isEqualTo(404);
        assertThat(t.get("/badge/" + unknown + "/" + sig(unknown, "*") + ".json").status())
                .isEqualTo(404);
    }

    @Test
    void preflightIsAnsweredAndOtherMethodsRefused() throws Exception {
        String path = "/badge/" + key + "/" + sig(key, "web") + "/web.svg";
        Resp options = t.request("OPTIONS", path, (String) null);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(t.request("POST", path, "").status()).isEqualTo(405);
        assertThat(t.request("HEAD", path, (String) null).status()).isEqualTo(200);
    }
}
