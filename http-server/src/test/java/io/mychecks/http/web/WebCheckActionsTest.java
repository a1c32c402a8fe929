package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Clone, transfer, clear events, and what the details page shows of a check's history. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebCheckActionsTest {
    static final String PW = "actions password";
    TestApp t;
    User owner, other;
    Project first, second, foreign;
    WebClient c;

    @BeforeAll
    void start() {
        t = new TestApp(Map.of());
        String hash = new PasswordHasher().hash(PW);
        t.app.database()
                .inTransactionRun(
                        cfg -> {
                            var now = t.clock.instant();
                            owner =
                                    t.app.users()
                                            .insert(
                                                    cfg.dsl(),
                                                    "actions@example.org",
                                                    hash,
                                                    false,
                                                    now);
                            other =
                                    t.app.users()
                                            .insert(
                                                    cfg.dsl(),
                                                    "other-owner@example.org",
                                                    hash,
                                                    false,
                                                    now);
                            first = t.app.projects().insert(cfg.dsl(), owner.id(), "First", now);
                            second = t.app.projects().insert(cfg.dsl(), owner.id(), "Second", now);
                            foreign =
                                    t.app.projects().insert(cfg.dsl(), other.id(), "Foreign", now);
                            new MemberStore().put(cfg.dsl(), owner.id(), foreign.id(), "r");
                        });
        c = new WebClient(t);
        assertThat(c.logIn("actions@example.org", PW).status()).isEqualTo(303);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    UUID add(Project p, String name, String slug) {
        c.get("/projects/" + p.code() + "/checks/");
        WebClient.Page r =
                c.post(
                        "/projects/" + p.code() + "/checks/add/",
                        "name",
                        name,
                        "slug",
                        slug,
                        "kind",
                        "cron",
                        "schedule",
                        "5 4 * * *",
                        "tz",
                        "Europe/Riga",
                        "grace_value",
                        "2",
                        "grace_unit",
                        "hours");
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return UUID.fromString(r.location().replaceAll("^/checks/([0-9a-f-]{36})/details/$", "$1"));
    }

    Check check(UUID code) {
        return t.app.checks().findByCode(t.app.database().dsl(), code).orElseThrow();
    }

    @Test
    void cloneCopiesScheduleAndNames() {
        UUID code = add(first, "Backup", "backup");
        c.get("/checks/" + code + "/details/");
        WebClient.Page r = c.post("/checks/" + code + "/copy/");
        UUID copy =
                UUID.fromString(
                        r.location().replaceAll("^/checks/([0-9a-f-]{36})/details/$", "$1"));
        Check k = check(copy);
        assertThat(k.config().name()).isEqualTo("Backup (copy)");
        assertThat(k.config().slug()).isEqualTo("backup-copy");
        assertThat(k.config().schedule()).isEqualTo("5 4 * * *");
        assertThat(k.config().tz()).isEqualTo("Europe/Riga");
        assertThat(k.config().grace()).isEqualTo(7200);
        assertThat(k.state().status().wire()).isEqualTo("new");
    }

    @Test
    void transferMovesToAProjectTheUserMayWrite() {
        UUID code = add(first, "Mover", "");
        c.get("/checks/" + code + "/details/");
        assertThat(
                        c.post(
                                        "/checks/" + code + "/transfer/",
                                        "project",
                                        foreign.code().toString())
                                .status())
                .isEqualTo(403);
        assertThat(c.post("/checks/" + code + "/transfer/", "project", "nope").status())
                .isEqualTo(400);
        assertThat(
                        c.post(
                                        "/checks/" + code + "/transfer/",
                                        "project",
                                        second.code().toString())
                                .status())
                .isEqualTo(303);
        assertThat(check(code).projectId()).isEqualTo(second.id());
    }

    @Test
    void clearEventsForgetsPingsAndMakesItNew() {
        UUID code = add(first, "Noisy", "");
        assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> check(code).state().lastPing() != null);
        c.get("/checks/" + code + "/details/");
        assertThat(c.post("/checks/" + code + "/clear_events/").status()).isEqualTo(303);
        Check k = check(code);
        assertThat(k.state().status().wire()).isEqualTo("new");
        assertThat(k.state().lastPing()).isNull();
        assertThat(t.app.checkQueries().pings(k)).isEmpty();
        assertThat(c.get("/checks/" + code + "/details/").body()).contains("No events yet.");
    }

    @Test
    void detailsShowDowntimeBadgesAndTheDurationChart() throws Exception {
        UUID code = add(first, "Timed", "");
        assertThat(t.get("/ping/" + code + "/start").status()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> check(code).state().lastStart() != null);
        t.clock.advance(Duration.ofSeconds(42));
        assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> check(code).state().lastDurationMs() != null);
        String body = c.get("/checks/" + code + "/details/").body();
        assertThat(body).contains("data-chart=\"").contains(":42.0\"");
        assertThat(body).contains("100.00%").contains("Uptime");
        String key = check(code).badgeKey();
        assertThat(body).contains("/b/2/" + key + ".svg");
        assertThat(t.get("/b/2/" + key + ".svg").status()).isEqualTo(200);
        // the chart library is served by the appliance itself
        String js = body.replaceAll("(?s).*src=\"(/static/[0-9a-f]+/uplot.min.js)\".*", "$1");
        var lib = t.get(js);
        assertThat(lib.status()).isEqualTo(200);
        assertThat(lib.body()).contains("uPlot");
    }

    @Test
    void readOnlyMembersCannotCloneTransferOrClear() {
        UUID code;
        Check k =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.checks()
                                                .insert(
                                                        cfg.dsl(),
                                                        foreign.id(),
                                                        io.mychecks.core.checks.CheckConfig
                                                                .defaults(),
                                                        t.clock.instant()));
        code = k.code();
        c.get("/checks/" + code + "/details/");
        assertThat(c.post("/checks/" + code + "/copy/").status()).isEqualTo(403);
        assertThat(c.post("/checks/" + code + "/clear_events/").status()).isEqualTo(403);
        assertThat(
                        c.post("/checks/" + code + "/transfer/", "project", first.code().toString())
                                .status())
                .isEqualTo(403);
        assertThat(check(code).projectId()).isEqualTo(foreign.id());
    }

    @Test
    void integrationAssignmentPageChoosesTheChecks() throws Exception {
        UUID a = add(first, "Assigned A", "");
        UUID b = add(first, "Assigned B", "");
        var request =
                io.mychecks.http.api.Json.object()
                        .put("kind", "webhook")
                        .put("name", "hook")
                        .put("url_down", "http://127.0.0.1:9/x");
        var channel = t.app.channelService().create(first, request);
        String page = "/integrations/" + channel.code() + "/checks/";
        assertThat(c.get(page).body()).contains("Assigned A").contains("Assigned B");
        assertThat(c.post(page, "check-" + a, "on").location())
                .isEqualTo("/projects/" + first.code() + "/integrations/");
        var ids = t.app.channelService().checkIdsOf(first, channel.code());
        assertThat(ids).containsExactly(check(a).id());
        assertThat(c.get(page).body()).containsPattern("name=\"check-" + a + "\" checked");
        // a check of another project in the form is ignored, a foreign channel is 404 or 403
        Check theirs =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.checks()
                                                .insert(
                                                        cfg.dsl(),
                                                        foreign.id(),
                                                        io.mychecks.core.checks.CheckConfig
                                                                .defaults(),
                                                        t.clock.instant()));
        c.post(page, "check-" + theirs.code(), "on", "check-" + b, "on");
        assertThat(t.app.channelService().checkIdsOf(first, channel.code()))
                .containsExactly(check(b).id());
    }

    @Test
    void timesAreShownInTheUsersTimeZone() {
        t.app.database()
                .inTransactionRun(
                        cfg -> t.app.users().setTimeZone(cfg.dsl(), owner.id(), "Asia/Tokyo"));
        try {
            UUID code = add(first, "Zoned", "");
            assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> check(code).state().lastPing() != null);
            String body = c.get("/checks/" + code + "/details/").body();
            assertThat(body).contains("Time (Asia/Tokyo)").contains(" JST\"");
        } finally {
            t.app.database()
                    .inTransactionRun(
                            cfg -> t.app.users().setTimeZone(cfg.dsl(), owner.id(), "UTC"));
        }
    }

    @Test
    void integrationEditShowsTheSettingsAndValidatesChanges() throws Exception {
        var request =
                io.mychecks.http.api.Json.object()
                        .put("kind", "webhook")
                        .put("name", "editable")
                        .put("url_down", "http://127.0.0.1:9/old")
                        .put("method_down", "POST");
        request.putObject("headers_down").put("X-Token", "abc");
        var channel = t.app.channelService().create(first, request);
        String edit = "/integrations/" + channel.code() + "/edit/";
        String form = c.get(edit).body();
        assertThat(form)
                .contains("Edit Webhook")
                .contains("http://127.0.0.1:9/old")
                .contains("X-Token: abc");
        WebClient.Page bad =
                c.post(edit, "name", "editable", "url_down", "gopher://x", "method_down", "GET");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(t.app.channelService().find(first, channel.code()).orElseThrow().config())
                .contains("/old");
        WebClient.Page ok =
                c.post(
                        edit,
                        "name",
                        "renamed",
                        "url_down",
                        "http://127.0.0.1:9/new",
                        "method_down",
                        "PUT",
                        "headers_down",
                        "X-Token: xyz");
        assertThat(ok.status()).isEqualTo(303);
        var after = t.app.channelService().find(first, channel.code()).orElseThrow();
        assertThat(after.name()).isEqualTo("renamed");
        assertThat(after.config())
                .contains("/new")
                .contains("PUT")
                .contains("xyz")
                .doesNotContain("/old");
        // read-only members of another project cannot reach it
        Check theirs =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.checks()
                                                .insert(
                                                        cfg.dsl(),
                                                        foreign.id(),
                                                        io.mychecks.core.checks.CheckConfig
                                                                .defaults(),
                                                        t.clock.instant()));
        var foreignChannel =
                t.app.channelService()
                        .create(
                                foreign,
                                io.mychecks.http.api.Json.object()
                                        .put("kind", "webhook")
                                        .put("url_down", "http://127.0.0.1:9/f"));
        assertThat(c.get("/integrations/" + foreignChannel.code() + "/edit/").status())
                .isEqualTo(403);
        assertThat(theirs).isNotNull();
    }

    @Test
    void integrationSwitchAndLogFiltersTakeOnlyKnownValues() throws Exception {
        UUID code = add(first, "Switched", "");
        var channel =
                t.app.channelService()
                        .create(
                                first,
                                io.mychecks.http.api.Json.object()
                                        .put("kind", "webhook")
                                        .put("url_down", "http://127.0.0.1:9/s"));
        c.get("/checks/" + code + "/details/");
        String path = "/checks/" + code + "/channels/" + channel.code() + "/enabled";
        assertThat(c.post(path, "state", "maybe").status()).isEqualTo(400);
        assertThat(
                        c.post(
                                        "/checks/"
                                                + code
                                                + "/channels/"
                                                + UUID.randomUUID()
                                                + "/enabled",
                                        "state",
                                        "on")
                                .status())
                .isEqualTo(404);
        assertThat(c.post(path, "state", "on").status()).isEqualTo(303);
        assertThat(t.app.checkQueries().snapshot(check(code)).channelCodes())
                .contains(channel.code());
        assertThat(c.get("/checks/" + code + "/log/?type=nonsense").status()).isEqualTo(200);
        assertThat(c.get("/checks/" + code + "/pings/abc/body/").status()).isEqualTo(404);
        assertThat(c.get("/checks/" + code + "/pings/1/body/").status()).isEqualTo(404);
    }
}
