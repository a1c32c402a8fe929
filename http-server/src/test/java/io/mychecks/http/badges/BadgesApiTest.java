package io.mychecks.http.badges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /api/vN/badges/}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgesApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ROOT = "http://localhost:8000";
    TestApp t;
    String key;

    @BeforeAll
    void start() {
        t = new TestApp();
        key = t.fx.aliceProject.badgeKey();
        t.fx.aliceCheck(b -> b.tags = "prod db");
        t.fx.aliceCheck(b -> b.tags = "prod a&b");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    JsonNode badges(String version, String apiKey) throws Exception {
        Resp r = t.get("/api/" + version + "/badges/", "X-Api-Key", apiKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        return JSON.readTree(r.body()).get("badges");
    }

    @Test
    void listsEveryTagAndAllChecksWithSixUrls() throws Exception {
        JsonNode b = badges("v3", t.fx.aliceApiKey);
        List<String> tags = new ArrayList<>();
        b.fieldNames().forEachRemaining(tags::add);
        assertThat(tags).containsExactly("*", "a&b", "db", "prod");
        for (String tag : tags) {
            List<String> kinds = new ArrayList<>();
            b.get(tag).fieldNames().forEachRemaining(kinds::add);
            assertThat(kinds)
                    .containsExactly("svg", "svg3", "json", "json3", "shields", "shields3");
        }
    }

    @Test
    void plainUrlsAreTwoStateAndUrlsEndingInThreeAreThreeState() throws Exception {
        JsonNode prod = badges("v1", t.fx.aliceApiKey).get("prod");
        String sig = BadgeTest.sig(key, "prod");
        assertThat(prod.get("svg").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "-2/prod.svg");
        assertThat(prod.get("svg3").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "/prod.svg");
        assertThat(prod.get("json").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "-2/prod.json");
        assertThat(prod.get("json3").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "/prod.json");
        assertThat(prod.get("shields").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "-2/prod.shields");
        assertThat(prod.get("shields3").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + sig + "/prod.shields");
        JsonNode all = badges("v2", t.fx.aliceApiKey).get("*");
        assertThat(all.get("svg").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + BadgeTest.sig(key, "*") + "-2.svg");
        assertThat(all.get("shields3").asText())
                .isEqualTo(ROOT + "/badge/" + key + "/" + BadgeTest.sig(key, "*") + ".shields");
    }

    @Test
    void everyListedUrlServesItsBadge() throws Exception {
        JsonNode b = badges("v3", t.fx.aliceReadonlyKey);
        for (String tag : List.of("*", "a&b", "db", "prod")) {
            for (String kind : List.of("svg", "svg3", "json", "json3", "shields", "shields3")) {
                String url = b.get(tag).get(kind).asText();
                assertThat(url).startsWith(ROOT);
                Resp r = t.get(url.substring(ROOT.length()));
                assertThat(r.status()).as(url).isEqualTo(200);
            }
        }
        String ab = b.get("a&b").get("shields").asText();
        assertThat(ab).endsWith("/a%2526b.shields");
        assertThat(JSON.readTree(t.get(ab.substring(ROOT.length())).body()).get("label").asText())
                .isEqualTo("a&b");
    }

    @Test
    void readOnlyKeyIsEnough() throws Exception {
        assertThat(badges("v3", t.fx.aliceReadonlyKey)).isEqualTo(badges("v3", t.fx.aliceApiKey));
    }

    @Test
    void missingOrWrongKeyIsUnauthorized() {
        Resp missing = t.get("/api/v3/badges/");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"missing api key\"}");
        Resp wrong = t.get("/api/v3/badges/", "X-Api-Key", "x".repeat(32));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"wrong api key\"}");
    }

    @Test
    void otherProjectsListOnlyTheirOwnTags() throws Exception {
        JsonNode b = badges("v3", t.fx.bobApiKey);
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.get("*").get("svg").asText())
                .contains("/badge/" + t.fx.bobProject.badgeKey() + "/");
    }

    @Test
    void onlyGetIsAllowed() {
        assertThat(t.post("/api/v3/badges/", "{}", "X-Api-Key", t.fx.aliceApiKey).status())
                .isEqualTo(405);
    }
}
