package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pages and actions of projects, checks and integrations: roles, form tokens, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebProjectsTest {
    static final String PW = "a long password";
    TestApp t;
    User owner, reader, stranger;
    Project project, strangerProject;
    WebClient ownerC, readerC, strangerC;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of("INTEGRATIONS_ALLOW_PRIVATE_IPS", "True"));
        String hash = new PasswordHasher().hash(PW);
        var db = t.app.database();
        db.inTransactionRun(
                cfg -> {
                    var now = t.clock.instant();
                    owner = t.app.users().insert(cfg.dsl(), "owner@example.org", hash, false, now);
                    reader =
                            t.app.users().insert(cfg.dsl(), "reader@example.org", hash, false, now);
                    stranger =
                            t.app.users()
                                    .insert(cfg.dsl(), "stranger@example.org", hash, false, now);
                    project = t.app.projects().insert(cfg.dsl(), owner.id(), "Backups", now);
                    strangerProject =
                            t.app.projects().insert(cfg.dsl(), stranger.id(), "Theirs", now);
                    new MemberStore().put(cfg.dsl(), reader.id(), project.id(), "r");
                });
        ownerC = loggedIn("owner@example.org");
        readerC = loggedIn("reader@example.org");
        strangerC = loggedIn("stranger@example.org");
    }

    WebClient loggedIn(String email) {
        WebClient c = new WebClient(t);
        assertThat(c.logIn(email, PW).status()).isEqualTo(303);
        c.get("/");
        return c;
    }

    @AfterAll
    void stop() {
        t.close();
    }

    String checks() {
        return "/projects/" + project.code() + "/checks/";
    }

    UUID addCheck(String name, String... more) {
        ownerC.get(checks());
        String[] fields = new String[6 + more.length];
        System.arraycopy(
                new String[] {"name", name, "kind", "simple", "timeout_value", "1"},
                0,
                fields,
                0,
                6);
        System.arraycopy(more, 0, fields, 6, more.length);
        WebClient.Page p =
                ownerC.post(
                        checks() + "add/",
                        concat(
                                fields,
                                "timeout_unit",
                                "days",
                                "grace_value",
                                "1",
                                "grace_unit",
                                "hours"));
        assertThat(p.status()).as(p.body()).isEqualTo(303);
        return UUID.fromString(p.location().replaceAll("^/checks/([0-9a-f-]{36})/details/$", "$1"));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    Check check(UUID code) {
        return t.app.checks().findByCode(t.app.database().dsl(), code).orElseThrow();
    }

    @Test
    void ownerAddsACheckThatShowsOnTheChecksPage() {
        UUID code = addCheck("Nightly <backup>", "tags", "prod db", "slug", "nightly");
        Check c = check(code);
        assertThat(c.config().name()).isEqualTo("Nightly <backup>");
        assertThat(c.config().timeout()).isEqualTo(86400);
        assertThat(c.config().grace()).isEqualTo(3600);
        WebClient.Page page = ownerC.get(checks());
        assertThat(page.status()).isEqualTo(200);
        // escaped, never raw
        assertThat(page.body())
                .contains("Nightly &lt;backup&gt;")
                .doesNotContain("Nightly <backup>");
        assertThat(page.body()).contains(code.toString()).contains(">new<");
        WebClient.Page details = ownerC.get("/checks/" + code + "/details/");
        assertThat(details.body()).contains(t.app.settings().pingEndpoint() + code);
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
        ownerC.get(checks());
        var r = t.get(checks());
        // the policy rides on every page, logged in or not
        var login = t.get("/accounts/login/");
        assertThat(login.header("content-security-policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("onclick=");
        assertThat(r.status()).isEqualTo(303);
    }

    @Test
    void badScheduleInputIsRefusedWithAMessageAndNothingSaved() {
        UUID code = addCheck("Schedules");
        String path = "/checks/" + code + "/timeout/";
        ownerC.get("/checks/" + code + "/details/");
        WebClient.Page tooShort =
                ownerC.post(
                        path,
                        "kind",
                        "simple",
                        "timeout_value",
                        "10",
                        "timeout_unit",
                        "minutes",
                        "grace_value",
                        "10",
                        "grace_unit",
                        "seconds");
        assertThat(tooShort.status()).isEqualTo(400);
        WebClient.Page small =
                ownerC.post(
                        path,
                        "kind",
                        "simple",
                        "timeout_value",
                        "0.5",
                        "timeout_unit",
                        "minutes",
                        "grace_value",
                        "1",
                        "grace_unit",
                        "hours");
        assertThat(small.status()).isEqualTo(400);
        assertThat(small.body()).contains("The period is too small (1 minute to 365 days).");
        WebClient.Page badCron =
                ownerC.post(
                        path,
                        "kind",
                        "cron",
                        "schedule",
                        "61 * * * *",
                        "tz",
                        "UTC",
                        "grace_value",
                        "1",
                        "grace_unit",
                        "hours");
        assertThat(badCron.status()).isEqualTo(400);
        assertThat(badCron.body()).contains("Not a valid cron expression");
        WebClient.Page badZone =
                ownerC.post(
                        path,
                        "kind",
                        "cron",
                        "schedule",
                        "0 3 * * *",
                        "tz",
                        "Mars/Olympus",
                        "grace_value",
                        "1",
                        "grace_unit",
                        "hours");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.body()).contains("Unknown time zone.");
        WebClient.Page word =
                ownerC.post(
                        path,
                        "kind",
                        "simple",
                        "timeout_value",
                        "many",
                        "timeout_unit",
                        "days",
                        "grace_value",
                        "1",
                        "grace_unit",
                        "hours");
        assertThat(word.body()).contains("The period must be a number.");
        Check c = check(code);
        assertThat(c.config().kind()).isEqualTo("simple");
        assertThat(c.config().timeout()).isEqualTo(86400);
        WebClient.Page ok =
                ownerC.post(
                        path,
                        "kind",
                        "cron",
                        "schedule",
                        "0 3 * * 1-5",
                        "tz",
                        "Europe/Riga",
                        "grace_value",
                        "30",
                        "grace_unit",
                        "minutes");
        assertThat(ok.status()).isEqualTo(303);
        c = check(code);
        assertThat(c.config().kind()).isEqualTo("cron");
        assertThat(c.config().schedule()).isEqualTo("0 3 * * 1-5");
        assertThat(c.config().tz()).isEqualTo("Europe/Riga");
        assertThat(c.config().grace()).isEqualTo(1800);
    }

    @Test
    void cronPreviewDescribesAndListsRunsInTheZone() {
        ownerC.get(checks());
        WebClient.Page p =
                ownerC.post(
                        "/checks/cron_preview/",
                        "kind",
                        "cron",
                        "schedule",
                        "30 2 * * *",
                        "tz",
                        "Asia/Tokyo");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("\"valid\":true").contains("02:30 JST");
        WebClient.Page bad =
                ownerC.post(
                        "/checks/cron_preview/",
                        "kind",
                        "cron",
                        "schedule",
                        "every day",
                        "tz",
                        "UTC");
        assertThat(bad.body()).contains("\"valid\":false");
        WebClient.Page cal =
                ownerC.post(
                        "/checks/cron_preview/",
                        "kind",
                        "oncalendar",
                        "schedule",
                        "Mon..Fri 09:00",
                        "tz",
                        "UTC");
        assertThat(cal.body()).contains("\"valid\":true").contains("09:00 UTC");
    }

    @Test
    void readOnlyMemberSeesButCannotWrite() {
        UUID code = addCheck("Watched");
        WebClient.Page page = readerC.get(checks());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Watched")
                .doesNotContain("Add Check")
                .doesNotContain("/pause/");
        WebClient.Page details = readerC.get("/checks/" + code + "/details/");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body()).doesNotContain("Change schedule");
        for (String action : new String[] {"pause/", "remove/", "name/", "timeout/"}) {
            WebClient.Page p =
                    readerC.post(
                            "/checks/" + code + "/" + action,
                            "name",
                            "x",
                            "kind",
                            "simple",
                            "timeout_value",
                            "1",
                            "timeout_unit",
                            "days");
            assertThat(p.status()).as(action).isEqualTo(403);
        }
        assertThat(readerC.post(checks() + "add/", "name", "sneaky").status()).isEqualTo(403);
        assertThat(readerC.get("/projects/" + project.code() + "/add_webhook/").status())
                .isEqualTo(403);
        assertThat(check(code).config().name()).isEqualTo("Watched");
        assertThat(check(code).state().status().wire()).isEqualTo("new");
    }

    @Test
    void anotherProjectsMemberGetsNotFound() {
        UUID code = addCheck("Private");
        assertThat(strangerC.get(checks()).status()).isEqualTo(404);
        assertThat(strangerC.get("/checks/" + code + "/details/").status()).isEqualTo(404);
        assertThat(strangerC.get(checks() + "status/").status()).isEqualTo(404);
        assertThat(strangerC.post("/checks/" + code + "/remove/").status()).isEqualTo(404);
        assertThat(strangerC.get("/projects/" + project.code() + "/integrations/").status())
                .isEqualTo(404);
        assertThat(t.app.checks().findByCode(t.app.database().dsl(), code)).isPresent();
        // and their own project page does not list it
        assertThat(strangerC.get("/projects/" + strangerProject.code() + "/checks/").body())
                .doesNotContain("Private");
        assertThat(strangerC.get("/checks/not-a-uuid/details/").status()).isEqualTo(404);
    }

    @Test
    void actionsWithoutTheFormTokenAreRefused() {
        UUID code = addCheck("Guarded");
        WebClient.Page p = ownerC.postRaw("/checks/" + code + "/remove/", "csrf=" + "0".repeat(64));
        assertThat(p.status()).isEqualTo(403);
        assertThat(ownerC.postRaw("/checks/" + code + "/pause/", "").status()).isEqualTo(403);
        assertThat(check(code).state().status().wire()).isEqualTo("new");
    }

    @Test
    void pauseResumeAndDelete() {
        UUID code = addCheck("Lifecycle");
        ownerC.get("/checks/" + code + "/details/");
        assertThat(ownerC.post("/checks/" + code + "/resume/").status()).isEqualTo(400);
        assertThat(ownerC.post("/checks/" + code + "/pause/").status()).isEqualTo(303);
        assertThat(check(code).state().status().wire()).isEqualTo("paused");
        assertThat(ownerC.post("/checks/" + code + "/resume/").status()).isEqualTo(303);
        assertThat(check(code).state().status().wire()).isEqualTo("new");
        WebClient.Page gone = ownerC.post("/checks/" + code + "/remove/");
        assertThat(gone.location()).isEqualTo(checks());
        assertThat(t.app.checks().findByCode(t.app.database().dsl(), code)).isEmpty();
    }

    @Test
    void statusEndpointReportsPingsAndTheDownCount() throws Exception {
        UUID code = addCheck("Live");
        assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(
                        () ->
                                ownerC.get(checks() + "status/")
                                        .body()
                                        .contains("\"code\":\"" + code + "\",\"status\":\"up\""));
        assertThat(t.get("/ping/" + code + "/fail").status()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> ownerC.get(checks() + "status/").body().contains("down – Backups"));
    }

    @Test
    void filtersBySearchTagAndStatus() {
        addCheck("alpha-filter", "tags", "red");
        addCheck("beta-filter", "tags", "blue");
        String body = ownerC.get(checks() + "?search=ALPHA-f").body();
        assertThat(body).contains("alpha-filter").doesNotContain("beta-filter");
        body = ownerC.get(checks() + "?tag=blue").body();
        assertThat(body).contains("beta-filter").doesNotContain("alpha-filter");
        body = ownerC.get(checks() + "?status=down&search=filter").body();
        assertThat(body).doesNotContain("alpha-filter").contains("No check matches");
    }

    @Test
    void webhookIntegrationFormValidatesAndCreates() {
        String add = "/projects/" + project.code() + "/add_webhook/";
        WebClient.Page form = ownerC.get(add);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("URL (down)").contains("Headers (down)");
        WebClient.Page bad =
                ownerC.post(add, "name", "hook", "url_down", "ftp://x", "method_down", "GET");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a valid http or https URL");
        WebClient.Page badHeaders =
                ownerC.post(
                        add,
                        "url_down",
                        "http://127.0.0.1:9/x",
                        "method_down",
                        "GET",
                        "headers_down",
                        "no colon here");
        assertThat(badHeaders.body()).contains("Write each header as Name: value");
        int before = t.app.channelService().list(project).size();
        WebClient.Page ok =
                ownerC.post(
                        add,
                        "name",
                        "Ops hook",
                        "url_down",
                        "http://127.0.0.1:9/down",
                        "method_down",
                        "POST",
                        "body_down",
                        "$NAME is $STATUS",
                        "headers_down",
                        "X-Token: abc");
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(t.app.channelService().list(project)).hasSize(before + 1);
        WebClient.Page list = ownerC.get("/projects/" + project.code() + "/integrations/");
        assertThat(list.body()).contains("Ops hook").contains("Webhook");
    }

    @Test
    void emailIntegrationNeedsAnAddress() {
        String add = "/projects/" + project.code() + "/add_email/";
        ownerC.get(add);
        WebClient.Page bad = ownerC.post(add, "email", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Email is required.");
    }

    @Test
    void newProjectNeedsAName() {
        ownerC.get("/");
        assertThat(ownerC.post("/projects/add/", "name", "  ").status()).isEqualTo(400);
        WebClient.Page p = ownerC.post("/projects/add/", "name", "Web servers");
        assertThat(p.status()).isEqualTo(303);
        assertThat(ownerC.get("/").body()).contains("Web servers");
    }

    @Test
    void staticAssetsAreVersionedAndCached() {
        String page = ownerC.get("/").body();
        String css = page.replaceAll("(?s).*href=\"(/static/[0-9a-f]+/app.css)\".*", "$1");
        var r = t.get(css);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("cache-control")).contains("immutable");
        assertThat(t.get("/static/0000/app.css").header("cache-control")).isEqualTo("no-cache");
        assertThat(t.get("/static/" + css.split("/")[2] + "/secret.txt").status()).isEqualTo(404);
    }

    @Test
    void slugOrUuidColumnIsRememberedAndDuplicatesFlagged() {
        UUID one = addCheck("Dup one", "slug", "dup-slug");
        addCheck("Dup two", "slug", "dup-slug");
        String uuids = ownerC.get(checks() + "?urls=uuid").body();
        assertThat(uuids).contains("<small>" + one + "</small>");
        String slugs = ownerC.get(checks() + "?urls=slug").body();
        assertThat(slugs).contains("dup-slug").contains("ambiguous: other checks share it");
        // remembered for the project
        assertThat(ownerC.get(checks()).body()).contains("Show UUIDs");
        // a read-only member cannot change it
        readerC.get(checks() + "?urls=uuid");
        assertThat(ownerC.get(checks()).body()).contains("Show UUIDs");
        ownerC.get(checks() + "?urls=uuid");
    }
}
