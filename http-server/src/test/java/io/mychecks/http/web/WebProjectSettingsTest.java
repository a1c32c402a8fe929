package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The project settings page: keys, team, transfer, deletion, each action against each role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebProjectSettingsTest {
    static final String PW = "settings password";
    static final Pattern LINK =
            Pattern.compile("http://localhost:8000(/accounts/check_token/[^/\\s]+/)");
    SmtpSink sink;
    TestApp t;
    String hash;
    int n;

    @BeforeAll
    void start() {
        sink = new SmtpSink();
        Map<String, String> s = new HashMap<>(sink.settings());
        s.put("REGISTRATION_OPEN", "False");
        t = new TestApp(s);
        hash = new PasswordHasher().hash(PW);
    }

    @AfterAll
    void stop() {
        t.close();
        sink.close();
    }

    @BeforeEach
    void clear() {
        sink.clear();
    }

    record Team(User owner, Project project, WebClient ownerC) {
        String settings() {
            return "/projects/" + project.code() + "/settings/";
        }
    }

    User user(String prefix) {
        return WebClient.newUser(t, prefix + (++n) + "@example.org", hash);
    }

    Team team() {
        User owner = user("owner");
        Project p =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.projects()
                                                .insert(
                                                        cfg.dsl(),
                                                        owner.id(),
                                                        "Team " + n,
                                                        t.clock.instant()));
        WebClient c = client(owner);
        return new Team(owner, p, c);
    }

    WebClient client(User u) {
        WebClient c = new WebClient(t);
        assertThat(c.logIn(u.email(), PW).status()).isEqualTo(303);
        c.get("/");
        return c;
    }

    void member(Team team, User u, String role) {
        t.app.database()
                .inTransactionRun(
                        cfg -> new MemberStore().put(cfg.dsl(), u.id(), team.project().id(), role));
    }

    @Test
    void apiKeyIsShownOnceAndWorksUntilRevoked() {
        Team team = team();
        team.ownerC().get(team.settings());
        WebClient.Page created =
                team.ownerC().post(team.settings(), "action", "create_key", "key", "api_key");
        Matcher m =
                Pattern.compile("<code id=\"new-key\">(hcw_[A-Za-z0-9_-]+)</code>")
                        .matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        String key = m.group(1);
        assertThat(t.get("/api/v3/checks/", "X-Api-Key", key).status()).isEqualTo(200);
        // never again
        assertThat(team.ownerC().get(team.settings()).body()).doesNotContain(key);
        team.ownerC().post(team.settings(), "action", "revoke_key", "key", "api_key");
        assertThat(t.get("/api/v3/checks/", "X-Api-Key", key).status()).isEqualTo(401);
    }

    @Test
    void invitedReadOnlyMemberLogsInByTheLinkAndCannotWrite() {
        Team team = team();
        team.ownerC().get(team.settings());
        WebClient.Page invited =
                team.ownerC()
                        .post(
                                team.settings(),
                                "action",
                                "invite_team_member",
                                "email",
                                "Guest@Example.org",
                                "role",
                                "r");
        assertThat(invited.location()).endsWith("?done=invited");
        var mail = sink.single();
        assertThat(mail.recipients()).containsExactly("guest@example.org");
        assertThat(mail.text())
                .contains(team.owner().email() + " invited you to the project")
                .contains("as read-only");
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).isTrue();
        WebClient guest = new WebClient(t);
        guest.get(m.group(1));
        assertThat(guest.post(m.group(1)).location()).isEqualTo("/");
        String home = guest.get("/").body();
        assertThat(home).contains("Team " + n).contains("Read-only");
        WebClient.Page settings = guest.get(team.settings());
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain("API keys").doesNotContain("Send invitation");
        assertThat(guest.post(team.settings(), "action", "create_key", "key", "api_key").status())
                .isEqualTo(403);
        assertThat(
                        guest.post(team.settings(), "action", "set_project_name", "name", "Mine")
                                .status())
                .isEqualTo(403);
        assertThat(
                        guest.post(
                                        "/projects/" + team.project().code() + "/checks/add/",
                                        "name",
                                        "x",
                                        "kind",
                                        "simple",
                                        "timeout_value",
                                        "1",
                                        "timeout_unit",
                                        "days")
                                .status())
                .isEqualTo(403);
        // invited twice: refused, no second mail
        sink.clear();
        WebClient.Page again =
                team.ownerC()
                        .post(
                                team.settings(),
                                "action",
                                "invite_team_member",
                                "email",
                                "guest@example.org",
                                "role",
                                "w");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("already in this project");
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void membersCannotManageTheTeamAndManagersCannotMakeManagers() {
        Team team = team();
        User w = user("member");
        User mgr = user("manager");
        member(team, w, "w");
        member(team, mgr, "m");
        WebClient wc = client(w);
        wc.get(team.settings());
        assertThat(
                        wc.post(
                                        team.settings(),
                                        "action",
                                        "invite_team_member",
                                        "email",
                                        "x@example.org",
                                        "role",
                                        "r")
                                .status())
                .isEqualTo(403);
        assertThat(wc.post(team.settings(), "action", "remove_project").status()).isEqualTo(403);
        assertThat(
                        wc.post(
                                        team.settings(),
                                        "action",
                                        "transfer_project",
                                        "user",
                                        String.valueOf(w.id()))
                                .status())
                .isEqualTo(403);
        WebClient mc = client(mgr);
        mc.get(team.settings());
        assertThat(
                        mc.post(
                                        team.settings(),
                                        "action",
                                        "invite_team_member",
                                        "email",
                                        "boss@example.org",
                                        "role",
                                        "m")
                                .status())
                .isEqualTo(403);
        assertThat(
                        mc.post(
                                        team.settings(),
                                        "action",
                                        "invite_team_member",
                                        "email",
                                        "helper@example.org",
                                        "role",
                                        "w")
                                .status())
                .isEqualTo(303);
        assertThat(
                        mc.post(
                                        team.settings(),
                                        "action",
                                        "remove_team_member",
                                        "user",
                                        String.valueOf(w.id()))
                                .status())
                .isEqualTo(303);
        assertThat(wc.get(team.settings()).status()).isEqualTo(404);
    }

    @Test
    void badInviteAddressGetsAMessage() {
        Team team = team();
        team.ownerC().get(team.settings());
        WebClient.Page p =
                team.ownerC()
                        .post(
                                team.settings(),
                                "action",
                                "invite_team_member",
                                "email",
                                "nobody",
                                "role",
                                "w");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.body()).contains("Enter a valid email address.");
        assertThat(
                        team.ownerC()
                                .post(
                                        team.settings(),
                                        "action",
                                        "invite_team_member",
                                        "email",
                                        "a@example.org",
                                        "role",
                                        "owner")
                                .status())
                .isEqualTo(400);
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void transferWaitsForTheMembersAcceptance() {
        Team team = team();
        User heir = user("heir");
        member(team, heir, "w");
        team.ownerC().get(team.settings());
        assertThat(
                        team.ownerC()
                                .post(
                                        team.settings(),
                                        "action",
                                        "transfer_project",
                                        "user",
                                        String.valueOf(heir.id()))
                                .status())
                .isEqualTo(303);
        assertThat(sink.single().text()).contains("asks you to become the owner");
        assertThat(
                        t.app.projects()
                                .findById(t.app.database().dsl(), team.project().id())
                                .orElseThrow()
                                .ownerId())
                .isEqualTo(team.owner().id());
        WebClient hc = client(heir);
        assertThat(hc.get(team.settings()).body()).contains("Take over this project?");
        assertThat(hc.post(team.settings(), "action", "accept_transfer").status()).isEqualTo(303);
        assertThat(
                        t.app.projects()
                                .findById(t.app.database().dsl(), team.project().id())
                                .orElseThrow()
                                .ownerId())
                .isEqualTo(heir.id());
        // the old owner stays, as a member, and can no longer delete it
        WebClient.Page old = team.ownerC().get(team.settings());
        assertThat(old.status()).isEqualTo(200);
        assertThat(team.ownerC().post(team.settings(), "action", "remove_project").status())
                .isEqualTo(403);
        // nobody else can accept a transfer that was not offered to them
        assertThat(team.ownerC().post(team.settings(), "action", "accept_transfer").status())
                .isEqualTo(400);
    }

    @Test
    void renameValidatesAndOwnerDeletes() {
        Team team = team();
        team.ownerC().get(team.settings());
        WebClient.Page bad =
                team.ownerC()
                        .post(
                                team.settings(),
                                "action",
                                "set_project_name",
                                "name",
                                "x".repeat(61));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("A project name has 1 to 60 characters.");
        assertThat(
                        team.ownerC()
                                .post(
                                        team.settings(),
                                        "action",
                                        "set_project_name",
                                        "name",
                                        "Renamed")
                                .status())
                .isEqualTo(303);
        assertThat(team.ownerC().get("/").body()).contains("Renamed");
        assertThat(team.ownerC().post(team.settings(), "action", "remove_project").location())
                .isEqualTo("/");
        assertThat(t.app.projects().findById(t.app.database().dsl(), team.project().id()))
                .isEmpty();
        assertThat(team.ownerC().get(team.settings()).status()).isEqualTo(404);
    }

    @Test
    void memberLeaves() {
        Team team = team();
        User w = user("leaver");
        member(team, w, "r");
        WebClient wc = client(w);
        wc.get(team.settings());
        assertThat(wc.post(team.settings(), "action", "leave_project").location()).isEqualTo("/");
        assertThat(wc.get(team.settings()).status()).isEqualTo(404);
        team.ownerC().get(team.settings());
        assertThat(team.ownerC().post(team.settings(), "action", "leave_project").status())
                .isEqualTo(400);
    }

    @Test
    void strangersGetNotFoundAndForgedFormsAreRefused() {
        Team team = team();
        WebClient stranger = client(user("stranger"));
        assertThat(stranger.get(team.settings()).status()).isEqualTo(404);
        assertThat(stranger.post(team.settings(), "action", "remove_project").status())
                .isEqualTo(404);
        assertThat(team.ownerC().postRaw(team.settings(), "action=remove_project").status())
                .isEqualTo(403);
        assertThat(t.app.projects().findById(t.app.database().dsl(), team.project().id()))
                .isPresent();
    }

    @Test
    void unknownActionsKeysAndRolesAreRefused() {
        Team team = team();
        team.ownerC().get(team.settings());
        assertThat(
                        team.ownerC()
                                .post(team.settings(), "action", "create_key", "key", "master_key")
                                .status())
                .isEqualTo(400);
        assertThat(team.ownerC().post(team.settings(), "action", "self_destruct").status())
                .isEqualTo(400);
        assertThat(
                        team.ownerC()
                                .post(team.settings(), "action", "remove_team_member", "user", "x")
                                .status())
                .isEqualTo(400);
        assertThat(
                        team.ownerC()
                                .post(
                                        team.settings(),
                                        "action",
                                        "remove_team_member",
                                        "user",
                                        "999999")
                                .status())
                .isEqualTo(404);
        assertThat(
                        team.ownerC()
                                .post(
                                        team.settings(),
                                        "action",
                                        "set_role",
                                        "user",
                                        "1",
                                        "role",
                                        "god")
                                .status())
                .isEqualTo(400);
        assertThat(
                        t.app.projects()
                                .findById(t.app.database().dsl(), team.project().id())
                                .orElseThrow()
                                .apiKeyHash())
                .isEmpty();
    }
}
