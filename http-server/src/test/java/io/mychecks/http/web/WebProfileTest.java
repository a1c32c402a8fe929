package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.User;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.testing.TestApp;
import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The account page and the links that come back by email. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebProfileTest {
    static final String PW = "profile password";
    SmtpSink sink;
    TestApp t;
    String hash;
    int n;

    @BeforeAll
    void start() {
        sink = new SmtpSink();
        t = new TestApp(new HashMap<>(sink.settings()));
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

    User user(String passwordHash) {
        return WebClient.newUser(t, "p" + (++n) + "@example.org", passwordHash);
    }

    WebClient loggedIn(User u) {
        WebClient c = new WebClient(t);
        if (u.passwordHash().isEmpty()) {
            String token = t.app.loginLinks().token(u);
            c.get("/accounts/check_token/" + token + "/");
            c.post("/accounts/check_token/" + token + "/");
        } else {
            assertThat(c.logIn(u.email(), PW).status()).isEqualTo(303);
        }
        c.get("/accounts/profile/");
        WebSecurityTest.enterSudo(c, sink);
        sink.clear();
        c.get("/accounts/profile/");
        return c;
    }

    @Test
    void aLinkOnlyAccountSetsAPasswordAndLogsInWithIt() {
        User u = user("");
        WebClient c = loggedIn(u);
        assertThat(c.get("/accounts/profile/").body()).contains("has no password yet");
        WebClient.Page shortPw =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "set_password",
                        "password",
                        "short",
                        "password2",
                        "short");
        assertThat(shortPw.status()).isEqualTo(400);
        assertThat(shortPw.body()).contains("at least 8 characters");
        WebClient.Page differ =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "set_password",
                        "password",
                        "long enough 1",
                        "password2",
                        "long enough 2");
        assertThat(differ.body()).contains("The two passwords differ.");
        WebClient.Page ok =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "set_password",
                        "password",
                        "long enough 1",
                        "password2",
                        "long enough 1");
        assertThat(ok.location()).isEqualTo("/accounts/profile/?done=password");
        // this browser stays logged in with its new session
        assertThat(c.get("/").status()).isEqualTo(200);
        assertThat(new WebClient(t).logIn(u.email(), "long enough 1").status()).isEqualTo(303);
    }

    @Test
    void changingAPasswordEndsOtherSessions() {
        User u = user(hash);
        WebClient c = loggedIn(u);
        WebClient other = loggedIn(u);
        c.post(
                "/accounts/profile/",
                "action",
                "set_password",
                "password",
                "brand new pw",
                "password2",
                "brand new pw");
        assertThat(c.get("/").status()).isEqualTo(200);
        assertThat(other.get("/").location()).isEqualTo("/accounts/login/");
    }

    @Test
    void newAddressIsUsedOnlyAfterItsLinkIsFollowed() {
        User u = user(hash);
        WebClient c = loggedIn(u);
        WebClient.Page asked =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "change_email",
                        "email",
                        "New.Address" + n + "@example.org");
        assertThat(asked.location()).isEqualTo("/accounts/profile/?done=email");
        var mail = sink.single();
        assertThat(mail.recipients()).containsExactly("new.address" + n + "@example.org");
        Matcher m =
                Pattern.compile("http://localhost:8000(/accounts/change_email/[^/\\s]+/)")
                        .matcher(mail.text());
        assertThat(m.find()).isTrue();
        assertThat(t.app.users().findById(t.app.database().dsl(), u.id()).orElseThrow().email())
                .isEqualTo(u.email());
        WebClient anyone = new WebClient(t);
        assertThat(anyone.get(m.group(1)).body()).contains("Confirm address");
        assertThat(anyone.post(m.group(1)).body()).contains("Address changed");
        assertThat(t.app.users().findById(t.app.database().dsl(), u.id()).orElseThrow().email())
                .isEqualTo("new.address" + n + "@example.org");
        // spent: the signature held the old address
        assertThat(anyone.get(m.group(1)).status()).isEqualTo(400);
        // a taken address is refused
        User other = user(hash);
        WebClient.Page taken =
                c.post("/accounts/profile/", "action", "change_email", "email", other.email());
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("Another account uses that address.");
    }

    @Test
    void timeZoneAndEmailPreferencesAreValidated() {
        User u = user(hash);
        WebClient c = loggedIn(u);
        assertThat(c.post("/accounts/profile/", "action", "set_tz", "tz", "Mars/Base").body())
                .contains("Unknown time zone.");
        assertThat(c.post("/accounts/profile/", "action", "set_tz", "tz", "Europe/Riga").status())
                .isEqualTo(303);
        assertThat(t.app.users().findById(t.app.database().dsl(), u.id()).orElseThrow().tz())
                .isEqualTo("Europe/Riga");
        assertThat(
                        c.post(
                                        "/accounts/profile/",
                                        "action",
                                        "notifications",
                                        "reports",
                                        "hourly",
                                        "nag_period",
                                        "0")
                                .status())
                .isEqualTo(400);
        assertThat(
                        c.post(
                                        "/accounts/profile/",
                                        "action",
                                        "notifications",
                                        "reports",
                                        "weekly",
                                        "nag_period",
                                        "60")
                                .status())
                .isEqualTo(400);
        assertThat(
                        c.post(
                                        "/accounts/profile/",
                                        "action",
                                        "notifications",
                                        "reports",
                                        "weekly",
                                        "nag_period",
                                        "3600")
                                .status())
                .isEqualTo(303);
        var prefs = t.app.profiles().prefs(u);
        assertThat(prefs.reports()).isEqualTo("weekly");
        assertThat(prefs.nagPeriod()).isEqualTo(3600);
        assertThat(prefs.nextReport()).isAfter(t.clock.instant());
    }

    @Test
    void unsubscribeLinkWorksWithOneClickAndWithoutASession() {
        User u = user(hash);
        t.app.profiles().setNotifications(u, "daily", 86400);
        String path =
                "/accounts/unsubscribe_reports/" + t.app.reportSender().links().token(u.id()) + "/";
        WebClient nobody = new WebClient(t);
        assertThat(nobody.get(path).body()).contains("Stop reports and reminders?");
        assertThat(t.app.profiles().prefs(u).reports()).isEqualTo("daily");
        // a mail client's one-click POST: no cookie, no form token
        WebClient.Page done = nobody.postRaw(path, "List-Unsubscribe=One-Click");
        assertThat(done.status()).isEqualTo(200);
        assertThat(t.app.profiles().prefs(u).reports()).isEqualTo("off");
        assertThat(t.app.profiles().prefs(u).nagPeriod()).isZero();
        assertThat(
                        nobody.get(
                                        "/accounts/unsubscribe_reports/"
                                                + u.id()
                                                + "-"
                                                + "0".repeat(40)
                                                + "/")
                                .status())
                .isEqualTo(404);
    }

    @Test
    void closingTheAccountNeedsTheAddressTyped() {
        User u = user(hash);
        var project =
                t.app.database()
                        .inTransaction(
                                cfg ->
                                        t.app.projects()
                                                .insert(
                                                        cfg.dsl(),
                                                        u.id(),
                                                        "Doomed",
                                                        t.clock.instant()));
        WebClient c = loggedIn(u);
        WebClient.Page wrong =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "close_account",
                        "confirm_email",
                        "someone@example.org");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Type your email address exactly");
        assertThat(
                        c.post(
                                        "/accounts/profile/",
                                        "action",
                                        "close_account",
                                        "confirm_email",
                                        u.email().toUpperCase())
                                .location())
                .isEqualTo("/accounts/login/");
        assertThat(t.app.users().findById(t.app.database().dsl(), u.id())).isEmpty();
        assertThat(t.app.projects().findById(t.app.database().dsl(), project.id())).isEmpty();
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
    }
}
