package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.http.testing.TestApp;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The docs (public, with this site's addresses), the badges page and the TV dashboard page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebDocsAndBadgesTest {
    TestApp t;
    User owner, stranger;
    Project project;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of("PING_ENDPOINT", "https://pings.example.net/p/"));
        String hash = new PasswordHasher().hash("docs password");
        t.app.database()
                .inTransactionRun(
                        cfg -> {
                            owner =
                                    t.app.users()
                                            .insert(
                                                    cfg.dsl(),
                                                    "docs-owner@example.org",
                                                    hash,
                                                    false,
                                                    t.clock.instant());
                            stranger =
                                    t.app.users()
                                            .insert(
                                                    cfg.dsl(),
                                                    "docs-stranger@example.org",
                                                    hash,
                                                    false,
                                                    t.clock.instant());
                            project =
                                    t.app.projects()
                                            .insert(
                                                    cfg.dsl(),
                                                    owner.id(),
                                                    "Docs",
                                                    t.clock.instant());
                            var b = CheckConfig.defaults().toBuilder();
                            b.name = "tagged";
                            b.tags = "web";
                            t.app.checks()
                                    .insert(cfg.dsl(), project.id(), b.build(), t.clock.instant());
                        });
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void docsAreOpenToAnyoneAndUseThisSitesAddresses() {
        WebClient anyone = new WebClient(t);
        for (String page :
                new String[] {
                    "/docs/",
                    "/docs/ping/",
                    "/docs/email/",
                    "/docs/cron/",
                    "/docs/api/",
                    "/docs/badges/"
                }) {
            WebClient.Page p = anyone.get(page);
            assertThat(p.status()).as(page).isEqualTo(200);
        }
        assertThat(anyone.get("/docs/ping/").body())
                .contains("https://pings.example.net/p/&lt;uuid&gt;/start");
        assertThat(anyone.get("/docs/api/").body()).contains("http://localhost:8000/api/v3/");
        assertThat(anyone.get("/docs/nothing/").status()).isEqualTo(404);
    }

    @Test
    void cronTesterWorksWithoutAnAccount() {
        WebClient anyone = new WebClient(t);
        anyone.get("/docs/cron/");
        WebClient.Page p =
                anyone.post(
                        "/checks/cron_preview/",
                        "kind",
                        "cron",
                        "schedule",
                        "0 4 * * *",
                        "tz",
                        "UTC");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("\"valid\":true").contains("04:00 UTC");
        // a cross-site POST without the token is refused
        assertThat(
                        new WebClient(t)
                                .postRaw(
                                        "/checks/cron_preview/",
                                        "kind=cron&schedule=*+*+*+*+*&tz=UTC")
                                .status())
                .isEqualTo(403);
    }

    @Test
    void badgesPageListsSignedUrlsThatWork() {
        WebClient c = new WebClient(t);
        assertThat(c.logIn("docs-owner@example.org", "docs password").status()).isEqualTo(303);
        WebClient.Page p = c.get("/projects/" + project.code() + "/badges/");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("All checks").contains("Tag web");
        Matcher m =
                Pattern.compile(
                                "<code id=\"[^\"]+-svg\">http://localhost:8000(/badge/[^<]+\\.svg)</code>")
                        .matcher(p.body());
        assertThat(m.find()).isTrue();
        var badge = t.get(m.group(1));
        assertThat(badge.status()).isEqualTo(200);
        assertThat(badge.body()).contains("<svg");
        WebClient s = new WebClient(t);
        s.logIn("docs-stranger@example.org", "docs password");
        assertThat(s.get("/projects/" + project.code() + "/badges/").status()).isEqualTo(404);
    }

    @Test
    void tvPageIsStaticAndExplainsItself() {
        WebClient.Page p = new WebClient(t).get("/tv/");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("read-only").contains("/tv/#hcr_");
    }

    @Test
    void schedulePreviewExplainsEmptyLongAndZonelessInput() {
        WebClient anyone = new WebClient(t);
        anyone.get("/docs/cron/");
        assertThat(
                        anyone.post(
                                        "/checks/cron_preview/",
                                        "kind",
                                        "cron",
                                        "schedule",
                                        "",
                                        "tz",
                                        "UTC")
                                .body())
                .contains("\"valid\":false")
                .contains("Enter a schedule.");
        assertThat(
                        anyone.post(
                                        "/checks/cron_preview/",
                                        "kind",
                                        "cron",
                                        "schedule",
                                        "* ".repeat(51),
                                        "tz",
                                        "UTC")
                                .body())
                .contains("too long");
        assertThat(
                        anyone.post(
                                        "/checks/cron_preview/",
                                        "kind",
                                        "cron",
                                        "schedule",
                                        "0 4 * * *",
                                        "tz",
                                        "Nowhere/City")
                                .body())
                .contains("Unknown time zone.");
        assertThat(
                        anyone.post(
                                        "/checks/cron_preview/",
                                        "kind",
                                        "oncalendar",
                                        "schedule",
                                        "2001-01-01 00:00",
                                        "tz",
                                        "UTC")
                                .body())
                .contains("never runs again");
    }
}
