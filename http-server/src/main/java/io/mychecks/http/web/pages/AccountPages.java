package io.mychecks.http.web.pages;

import io.mychecks.core.accounts.PasswordLogIn;
import io.mychecks.core.accounts.User;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.login.LoginLinks;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.time.Duration;
import java.util.Set;

/**
 * Log-in (password or emailed link), the link's confirm page, log-out, sign-up and the theme
 * switch: the pages under {@code /accounts/}.
 */
public final class AccountPages {
    static final int SIGNUPS_PER_CLIENT_PER_HOUR = 10;
    private static final Set<String> THEMES = Set.of("light", "dark", "system");

    private AccountPages() {}

    /** {@code GET /}: logged-out visitors go to the log-in page, users see their projects. */
    public static void index(WebRequest r) {
        if (r.user() == null) {
            r.redirect("/accounts/login/");
            return;
        }
        ProjectPages.list(r);
    }

    /** {@code GET|POST /accounts/login/}. */
    public static void login(WebRequest r) {
        if (r.proxyLogIn()) {
            if (r.user() != null) {
                r.redirect("/");
                return;
            }
            throw new WebError(
                    403, "This site logs users in through its authenticating proxy, not here.");
        }
        if (!r.isPost()) {
            if (r.user() != null) {
                r.redirect("/");
                return;
            }
            showLogin(r, 200, "", "", "");
            return;
        }
        String email = r.param("email").strip();
        if ("link".equals(r.param("action"))) {
            requestLink(r, email);
            return;
        }
        PasswordLogIn.Result result = r.app().passwordLogIn().logIn(email, r.param("password"));
        switch (result.outcome()) {
            case OK -> r.logInAndRedirect(result.session(), r.param("next"));
            case TOO_MANY_ATTEMPTS ->
                    showLogin(
                            r,
                            429,
                            email,
                            "Too many log-in attempts for this address today. Log in with an"
                                    + " emailed link, or try again tomorrow.",
                            "");
            case DISABLED ->
                    showLogin(
                            r,
                            403,
                            email,
                            "This account is disabled. Ask the administrator of this site.",
                            "");
            default -> showLogin(r, 400, email, "Incorrect email or password.", "");
        }
    }

    private static void requestLink(WebRequest r, String email) {
        if (!r.app().loginLinks().available()) {
            showLogin(r, 400, email, "", "This site cannot send email: log in with a password.");
            return;
        }
        if (email.isEmpty() || email.length() > 254 || !email.contains("@")) {
            showLogin(r, 400, email, "", "Enter a valid email address.");
            return;
        }
        LoginLinks.Outcome outcome = r.app().loginLinks().request(email, r.clientAddress());
        if (outcome == LoginLinks.Outcome.TOO_MANY_REQUESTS) {
            showLogin(r, 429, email, "", "Too many links asked for. Try again in an hour.");
            return;
        }
        r.redirect("/accounts/login_link_sent/");
    }

    private static void showLogin(
            WebRequest r, int status, String email, String passwordError, String linkError) {
        boolean noUsers = !r.app().users().anyUser(r.app().database().dsl());
        r.render(
                status,
                "accounts/login.jte",
                r.chrome("Log in"),
                "email",
                email,
                "next",
                r.param("next"),
                "passwordError",
                passwordError,
                "linkError",
                linkError,
                "linksAvailable",
                r.app().loginLinks().available(),
                "noUsers",
                noUsers,
                "registrationOpen",
                r.app().settings().bool("REGISTRATION_OPEN") && r.app().loginLinks().available());
    }

    /** {@code GET /accounts/login_link_sent/}. */
    public static void linkSent(WebRequest r) {
        r.render("accounts/link_sent.jte", r.chrome("Check your email"));
    }

    /**
     * {@code GET|POST /accounts/check_token/<token>/}: GET shows a button only (mail scanners
     * follow links, they do not press buttons); POST logs in.
     */
    public static void checkToken(WebRequest r) {
        String token = r.path("token");
        LoginLinks links = r.app().loginLinks();
        if (!r.isPost()) {
            if (links.check(token).isEmpty()) {
                r.render(400, "accounts/link_invalid.jte", r.chrome("Link expired"));
                return;
            }
            r.render("accounts/check_token.jte", r.chrome("Log in"), "token", token);
            return;
        }
        var opened = links.redeem(token);
        if (opened.isEmpty()) {
            r.render(400, "accounts/link_invalid.jte", r.chrome("Link expired"));
            return;
        }
        r.logInAndRedirect(opened.get(), r.param("next"));
    }

    /** {@code POST /accounts/logout/}. */
    public static void logout(WebRequest r) {
        if (!r.isPost()) {
            throw new WebError(405, "Log out with the button in the menu.");
        }
        if (r.proxyLogIn()) {
            r.render(
                    "accounts/message.jte",
                    r.chrome("Log out"),
                    "heading",
                    "Log out at your proxy",
                    "text",
                    "This site logs you in through an authenticating proxy: log out there.");
            return;
        }
        r.logOut();
        r.redirect("/accounts/login/");
    }

    /** {@code GET|POST /accounts/signup/}, only while REGISTRATION_OPEN. */
    public static void signup(WebRequest r) {
        if (!r.app().settings().bool("REGISTRATION_OPEN") || r.proxyLogIn()) {
            throw new WebError(
                    403, "Sign-up is closed on this site. Ask its administrator for an account.");
        }
        if (!r.app().loginLinks().available()) {
            throw new WebError(
                    503,
                    "Sign-up mails a log-in link, and this site cannot send email yet. Ask its"
                            + " administrator for an account.");
        }
        if (!r.isPost()) {
            r.render("accounts/signup.jte", r.chrome("Sign up"), "email", "", "error", "");
            return;
        }
        String email = r.param("email").strip();
        String secret = r.app().settings().secretKey();
        if (!r.app()
                .rateLimiter()
                .tryTake(
                        RateLimiter.key("signup-ip-", secret, r.clientAddress()),
                        SIGNUPS_PER_CLIENT_PER_HOUR,
                        Duration.ofHours(1))) {
            r.render(
                    429,
                    "accounts/signup.jte",
                    r.chrome("Sign up"),
                    "email",
                    email,
                    "error",
                    "Too many sign-ups from your address. Try again in an hour.");
            return;
        }
        User user;
        try {
            user = r.app().accounts().signUp(email);
        } catch (IllegalArgumentException e) {
            r.render(
                    400,
                    "accounts/signup.jte",
                    r.chrome("Sign up"),
                    "email",
                    email,
                    "error",
                    "Enter a valid email address.");
            return;
        }
        if (r.app()
                .rateLimiter()
                .tryTake(RateLimiter.key("link-", secret, user.email()), 10, Duration.ofHours(1))) {
            r.app()
                    .loginLinks()
                    .send(
                            user,
                            "Log in to " + r.app().settings().siteName(),
                            "Welcome to " + r.app().settings().siteName() + ".");
        }
        r.redirect("/accounts/login_link_sent/");
    }

    /** {@code POST /accounts/theme/}: light, dark or system, kept in a cookie. */
    public static void theme(WebRequest r) {
        String theme = r.param("theme");
        if (!THEMES.contains(theme)) {
            throw WebError.badRequest("Choose light, dark or system.");
        }
        r.setTheme(theme);
        r.redirect(io.mychecks.http.web.SafeNext.of(r.param("next")));
    }
}
