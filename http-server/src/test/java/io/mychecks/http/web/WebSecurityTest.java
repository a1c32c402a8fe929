package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.User;
import io.mychecks.core.login.Totp;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.testing.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sudo mode, TOTP two-factor log-in, and log-in by an authenticating proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {
    static final String PW = "security password";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
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

    User user() {
        return WebClient.newUser(t, "sec" + (++n) + "@example.org", hash);
    }

    WebClient loggedIn(User u) {
        WebClient c = new WebClient(t);
        assertThat(c.logIn(u.email(), PW).location()).isEqualTo("/");
        c.get("/accounts/profile/");
        return c;
    }

    static void enterSudo(WebClient c, SmtpSink sink) {
        assertThat(c.get("/accounts/sudo/").body()).contains("Email me a code");
        sink.clear();
        c.post("/accounts/sudo/", "action", "send");
        Matcher m = CODE.matcher(sink.single().text());
        assertThat(m.find()).isTrue();
        WebClient.Page p =
                c.post(
                        "/accounts/sudo/",
                        "action",
                        "code",
                        "code",
                        m.group(1),
                        "next",
                        "/accounts/profile/");
        assertThat(p.location()).isEqualTo("/accounts/profile/");
    }

    @Test
    void sensitiveChangesAskForSudoFirst() {
        User u = user();
        WebClient c = loggedIn(u);
        WebClient.Page p =
                c.post(
                        "/accounts/profile/",
                        "action",
                        "set_password",
                        "password",
                        "new password 1",
                        "password2",
                        "new password 1");
        assertThat(p.location()).startsWith("/accounts/sudo/?next=");
        assertThat(c.get("/accounts/two_factor/totp/").location()).startsWith("/accounts/sudo/");
        // a wrong code does not open it
        c.get("/accounts/sudo/");
        c.post("/accounts/sudo/", "action", "send");
        WebClient.Page wrong = c.post("/accounts/sudo/", "action", "code", "code", "000000x");
        assertThat(wrong.status()).isEqualTo(400);
        enterSudo(c, sink);
        c.get("/accounts/profile/");
        assertThat(
                        c.post(
                                        "/accounts/profile/",
                                        "action",
                                        "set_password",
                                        "password",
                                        "new password 1",
                                        "password2",
                                        "new password 1")
                                .location())
                .isEqualTo("/accounts/profile/?done=password");
        // sudo mode ends after 30 minutes
        t.clock.advance(Duration.ofMinutes(31));
        try {
            c.get("/accounts/profile/");
            assertThat(
                            c.post(
                                            "/accounts/profile/",
                                            "action",
                                            "close_account",
                                            "confirm_email",
                                            u.email())
                                    .location())
                    .startsWith("/accounts/sudo/");
        } finally {
            t.clock.advance(Duration.ofMinutes(-31));
        }
    }

    @Test
    void twoFactorLogInAsksForACodeThatWorksOnce() {
        User u = user();
        WebClient c = loggedIn(u);
        enterSudo(c, sink);
        WebClient.Page setup = c.get("/accounts/two_factor/totp/");
        assertThat(setup.body()).contains("data:image/svg+xml;base64,");
        Matcher m =
                Pattern.compile("name=\"secret\" value=\"([A-Z2-7]{32})\"").matcher(setup.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        long step = Totp.step(t.clock.instant().getEpochSecond());
        assertThat(
                        c.post(
                                        "/accounts/two_factor/totp/",
                                        "secret",
                                        secret,
                                        "code",
                                        "123456".equals(Totp.code(secret, step))
                                                ? "654321"
                                                : "123456")
                                .status())
                .isEqualTo(400);
        assertThat(
                        c.post(
                                        "/accounts/two_factor/totp/",
                                        "secret",
                                        secret,
                                        "code",
                                        Totp.code(secret, step))
                                .location())
                .isEqualTo("/accounts/profile/?done=2fa_on");

        WebClient fresh = new WebClient(t);
        WebClient.Page first = fresh.logIn(u.email(), PW);
        assertThat(first.location()).startsWith("/accounts/login/two_factor/");
        // half logged in opens nothing
        assertThat(fresh.get("/").location()).isEqualTo("/accounts/login/");
        assertThat(fresh.get("/accounts/profile/").location()).startsWith("/accounts/login/");
        fresh.get("/accounts/login/two_factor/");
        assertThat(fresh.post("/accounts/login/two_factor/", "code", "999999x").status())
                .isEqualTo(400);
        // the code used to turn it on is spent; the next step's works
        t.clock.advance(Duration.ofSeconds(30));
        try {
            long next = Totp.step(t.clock.instant().getEpochSecond());
            assertThat(
                            fresh.post(
                                            "/accounts/login/two_factor/",
                                            "code",
                                            Totp.code(secret, next),
                                            "next",
                                            "/")
                                    .location())
                    .isEqualTo("/");
            assertThat(fresh.get("/").status()).isEqualTo(200);
            WebClient again = new WebClient(t);
            again.logIn(u.email(), PW);
            again.get("/accounts/login/two_factor/");
            assertThat(
                            again.post(
                                            "/accounts/login/two_factor/",
                                            "code",
                                            Totp.code(secret, next))
                                    .status())
                    .isEqualTo(400);
        } finally {
            t.clock.advance(Duration.ofSeconds(-30));
        }
        assertThat(t.app.twoFactor().enabled(u)).isTrue();
        c.get("/accounts/profile/");
        assertThat(c.post("/accounts/two_factor/totp/remove/").location())
                .isEqualTo("/accounts/profile/?done=2fa_off");
        assertThat(t.app.twoFactor().enabled(u)).isFalse();
    }

    @Test
    void withoutMailSudoTakesThePassword() {
        try (TestApp plain = new TestApp(Map.of())) {
            User u =
                    plain.app
                            .database()
                            .inTransaction(
                                    cfg ->
                                            plain.app
                                                    .users()
                                                    .insert(
                                                            cfg.dsl(),
                                                            "nomail@example.org",
                                                            hash,
                                                            false,
                                                            plain.clock.instant()));
            WebClient c = new WebClient(plain);
            // no mail: no sign-up and no link form, whatever REGISTRATION_OPEN says
            String login = c.get("/accounts/login/").body();
            assertThat(login).doesNotContain("Create an account").doesNotContain("Email me a link");
            assertThat(c.get("/accounts/signup/").status()).isEqualTo(503);
            c.logIn(u.email(), PW);
            WebClient.Page page = c.get("/accounts/sudo/");
            assertThat(page.body()).contains("Your password").doesNotContain("Email me a code");
            assertThat(
                            c.post("/accounts/sudo/", "action", "password", "password", "wrong")
                                    .status())
                    .isEqualTo(400);
            assertThat(
                            c.post(
                                            "/accounts/sudo/",
                                            "action",
                                            "password",
                                            "password",
                                            PW,
                                            "next",
                                            "/accounts/two_factor/totp/")
                                    .location())
                    .isEqualTo("/accounts/two_factor/totp/");
            assertThat(c.get("/accounts/two_factor/totp/").status()).isEqualTo(200);
        }
    }

    @Test
    void authenticatingProxyHeaderLogsUsersIn() {
        try (TestApp proxied =
                new TestApp(Map.of("REMOTE_USER_HEADER", "HTTP_X_AUTHENTICATED_USER"))) {
            var home = proxied.get("/", "X-Authenticated-User", "Proxy.User@Example.org");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("proxy.user@example.org").contains("My Project");
            // nobody named: no page for users, and no log-in form to go around the proxy
            assertThat(proxied.get("/").status()).isEqualTo(303);
            var user =
                    proxied.app
                            .users()
                            .findByEmail(proxied.app.database().dsl(), "proxy.user@example.org")
                            .orElseThrow();
            var project =
                    proxied.app
                            .projects()
                            .listForOwner(proxied.app.database().dsl(), user.id())
                            .get(0);
            assertThat(proxied.get("/projects/" + project.code() + "/checks/").status())
                    .isEqualTo(403);
            assertThat(proxied.get("/accounts/login/").status()).isEqualTo(403);
            assertThat(proxied.get("/accounts/signup/").status()).isEqualTo(403);
            assertThat(
                            proxied.get(
                                            "/projects/" + project.code() + "/checks/",
                                            "X-Authenticated-User",
                                            "proxy.user@example.org")
                                    .status())
                    .isEqualTo(200);
            // the API keeps its own keys
            assertThat(
                            proxied.get(
                                            "/api/v3/checks/",
                                            "X-Authenticated-User",
                                            "proxy.user@example.org")
                                    .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aForgedSecretOrNonsenseCodeIsRefused() {
        User u = user();
        WebClient c = loggedIn(u);
        enterSudo(c, sink);
        c.get("/accounts/two_factor/totp/");
        assertThat(
                        c.post(
                                        "/accounts/two_factor/totp/",
                                        "secret",
                                        "not-base32",
                                        "code",
                                        "123456")
                                .status())
                .isEqualTo(400);
        String secret = Totp.newSecret();
        assertThat(
                        c.post("/accounts/two_factor/totp/", "secret", secret, "code", "abcdef")
                                .status())
                .isEqualTo(400);
        assertThat(t.app.twoFactor().enabled(u)).isFalse();
    }
}
