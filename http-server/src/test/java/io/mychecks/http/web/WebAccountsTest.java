package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAccountsTest {
    static final Pattern LINK =
            Pattern.compile("http://localhost:8000(/accounts/check_token/[^/\\s]+/)");
    SmtpSink sink;
    TestApp t;
    int n;

    @BeforeAll
    void start() {
        sink = new SmtpSink();
        Map<String, String> s = new HashMap<>(sink.settings());
        s.put("REGISTRATION_OPEN", "True");
        t = new TestApp(s);
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

    String newUser() {
        String email = "web" + (++n) + "@example.org";
        t.app.accounts().createSuperuser(email, "correct horse " + n);
        return email;
    }

    @Test
    void rootSendsVisitorsToLogInAndUsersToTheirProjects() {
        WebClient c = new WebClient(t);
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
        String email = newUser();
        WebClient.Page login = c.logIn(email, "correct horse " + n);
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.location()).isEqualTo("/");
        WebClient.Page home = c.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("My Projects").contains("My Project").contains(email);
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() throws Exception {
        String email = newUser();
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        var http = java.net.http.HttpClient.newHttpClient();
        var r =
                http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(t.url("/accounts/login/")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", "mychecks_csrf=" + c.csrf)
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "csrf="
                                                        + c.csrf
                                                        + "&action=password&email="
                                                        + WebClient.enc(email)
                                                        + "&password="
                                                        + WebClient.enc("correct horse " + n)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie =
                r.headers().allValues("Set-Cookie").stream()
                        .filter(v -> v.startsWith("mychecks_session="))
                        .findFirst()
                        .orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void aDisabledAccountCannotLogInAndItsSessionEnds() {
        String email = newUser();
        String password = "correct horse " + n;
        WebClient c = new WebClient(t);
        assertThat(c.logIn(email, password).status()).isEqualTo(303);
        assertThat(c.get("/").status()).isEqualTo(200);
        long id = t.app.users().findByEmail(t.app.database().dsl(), email).orElseThrow().id();
        // keep another active superuser, so this one may be disabled
        newUser();
        t.app.userAdmin().disable(id);
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
        WebClient.Page refused = new WebClient(t).logIn(email, password);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This account is disabled.");
        // an emailed link is not sent to a disabled account
        WebClient asker = new WebClient(t);
        asker.get("/accounts/login/");
        assertThat(asker.post("/accounts/login/", "action", "link", "email", email).location())
                .isEqualTo("/accounts/login_link_sent/");
        assertThat(sink.messages()).isEmpty();
        t.app.userAdmin().enable(id);
        assertThat(new WebClient(t).logIn(email, password).status()).isEqualTo(303);
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String email = newUser();
        WebClient c = new WebClient(t);
        WebClient.Page wrong = c.logIn(email, "not the password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Incorrect email or password.");
        WebClient.Page unknown = c.logIn("nobody@example.org", "whatever1");
        assertThat(unknown.body()).contains("Incorrect email or password.");
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
    }

    @Test
    void logInWithoutTheFormTokenIsRefused() {
        String email = newUser();
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        WebClient.Page p =
                c.postRaw(
                        "/accounts/login/",
                        "action=password&email=" + WebClient.enc(email) + "&password=x");
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.body()).contains("This form has expired");
    }

    @Test
    void nextGoesOnlyToPathsOfThisSite() {
        String email = newUser();
        for (String next :
                new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            WebClient c = new WebClient(t);
            c.get("/accounts/login/");
            WebClient.Page p =
                    c.post(
                            "/accounts/login/",
                            "action",
                            "password",
                            "email",
                            email,
                            "password",
                            "correct horse " + n,
                            "next",
                            next);
            assertThat(p.location()).as(next).isEqualTo("/");
        }
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        WebClient.Page p =
                c.post(
                        "/accounts/login/",
                        "action",
                        "password",
                        "email",
                        email,
                        "password",
                        "correct horse " + n,
                        "next",
                        "/accounts/login/?x=1");
        assertThat(p.location()).isEqualTo("/accounts/login/?x=1");
    }

    @Test
    void pagesForUsersSendVisitorsToLogInWithNext() {
        WebClient c = new WebClient(t);
        WebClient.Page p = c.get("/projects/" + t.fx.aliceProject.code() + "/checks/?tag=a");
        assertThat(p.status()).isEqualTo(303);
        assertThat(p.location()).startsWith("/accounts/login/?next=%2Fprojects%2F");
        assertThat(c.get("/projects/" + t.fx.aliceProject.code() + "/checks/status/").status())
                .isEqualTo(403);
    }

    @Test
    void logOutIsAPostAndEndsTheSession() {
        String email = newUser();
        WebClient c = new WebClient(t);
        c.logIn(email, "correct horse " + n);
        c.get("/");
        assertThat(c.get("/accounts/logout/").status()).isEqualTo(405);
        WebClient.Page out = c.post("/accounts/logout/");
        assertThat(out.location()).isEqualTo("/accounts/login/");
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
    }

    @Test
    void emailedLinkLogsInOnceAfterAClick() {
        String email = newUser();
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        WebClient.Page asked = c.post("/accounts/login/", "action", "link", "email", email);
        assertThat(asked.location()).isEqualTo("/accounts/login_link_sent/");
        Matcher m = LINK.matcher(sink.single().text());
        assertThat(m.find()).isTrue();
        String path = m.group(1);
        // a GET (a mail scanner) logs nobody in
        WebClient.Page confirm = c.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Press the button");
        assertThat(c.get("/").location()).isEqualTo("/accounts/login/");
        WebClient.Page in = c.post(path);
        assertThat(in.location()).isEqualTo("/");
        assertThat(c.get("/").status()).isEqualTo(200);
        // spent
        WebClient other = new WebClient(t);
        assertThat(other.get(path).status()).isEqualTo(400);
    }

    @Test
    void unknownAddressGetsNoMailButTheSameAnswer() {
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        WebClient.Page asked =
                c.post("/accounts/login/", "action", "link", "email", "stranger@example.org");
        assertThat(asked.location()).isEqualTo("/accounts/login_link_sent/");
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void linkExpiresAfterAnHour() {
        String email = newUser();
        var user = t.app.users().findByEmail(t.app.database().dsl(), email).orElseThrow();
        String token = t.app.loginLinks().token(user);
        t.clock.advance(java.time.Duration.ofMinutes(61));
        try {
            assertThat(new WebClient(t).get("/accounts/check_token/" + token + "/").status())
                    .isEqualTo(400);
        } finally {
            t.clock.advance(java.time.Duration.ofMinutes(-61));
        }
    }

    @Test
    void tamperedLinkIsRefused() {
        String email = newUser();
        var user = t.app.users().findByEmail(t.app.database().dsl(), email).orElseThrow();
        String token = t.app.loginLinks().token(user);
        String other = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        WebClient c = new WebClient(t);
        c.get("/accounts/login/");
        assertThat(c.post("/accounts/check_token/" + other + "/").status()).isEqualTo(400);
        assertThat(c.get("/accounts/check_token/not-a-token/").status()).isEqualTo(400);
    }

    @Test
    void signUpCreatesAStarterProjectAndMailsALink() {
        WebClient c = new WebClient(t);
        c.get("/accounts/signup/");
        WebClient.Page p = c.post("/accounts/signup/", "email", "Newcomer@Example.org");
        assertThat(p.location()).isEqualTo("/accounts/login_link_sent/");
        Matcher m = LINK.matcher(sink.single().text());
        assertThat(m.find()).isTrue();
        c.get(m.group(1));
        c.post(m.group(1));
        WebClient.Page home = c.get("/");
        assertThat(home.body()).contains("My Project").contains("newcomer@example.org");
        var user =
                t.app.users()
                        .findByEmail(t.app.database().dsl(), "newcomer@example.org")
                        .orElseThrow();
        var project = t.app.projects().listForOwner(t.app.database().dsl(), user.id()).get(0);
        assertThat(t.app.channelService().list(project)).hasSize(1);
        // a known address just gets a link, and nothing is created twice
        sink.clear();
        WebClient again = new WebClient(t);
        again.get("/accounts/signup/");
        again.post("/accounts/signup/", "email", "newcomer@example.org");
        assertThat(sink.messages()).hasSize(1);
        assertThat(t.app.projects().listForOwner(t.app.database().dsl(), user.id())).hasSize(1);
    }

    @Test
    void badSignUpAddressGetsAMessage() {
        WebClient c = new WebClient(t);
        c.get("/accounts/signup/");
        WebClient.Page p = c.post("/accounts/signup/", "email", "not an address");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.body()).contains("Enter a valid email address.");
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void passwordAttemptsAreLimitedPerAddress() {
        String email = newUser();
        WebClient c = new WebClient(t);
        int limited = 0;
        for (int i = 0; i < 21; i++) {
            if (c.logIn(email, "wrong " + i).status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(1);
        // even the right password waits now
        assertThat(c.logIn(email, "correct horse " + n).status()).isEqualTo(429);
    }

    @Test
    void themeChoiceIsKept() {
        String email = newUser();
        WebClient c = new WebClient(t);
        c.logIn(email, "correct horse " + n);
        c.get("/");
        c.post("/accounts/theme/", "theme", "dark", "next", "/");
        assertThat(c.get("/").body()).contains("data-theme=\"dark\"");
        assertThat(c.post("/accounts/theme/", "theme", "neon").status()).isEqualTo(400);
    }
}
