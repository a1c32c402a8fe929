package io.mychecks.http.web.pages;

import io.mychecks.core.login.Totp;
import io.mychecks.core.login.TwoFactor;
import io.mychecks.http.web.QrSvg;
import io.mychecks.http.web.SafeNext;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;

/** The second log-in step, sudo mode, and turning two-factor log-in on and off. */
public final class SecurityPages {
    private SecurityPages() {}

    /** {@code GET|POST /accounts/login/two_factor/}: the code of the authenticator app. */
    public static void loginStep(WebRequest r) {
        var pending = r.pendingSession();
        if (pending == null) {
            r.redirect("/accounts/login/");
            return;
        }
        if (!r.isPost()) {
            r.render(
                    "accounts/two_factor.jte",
                    r.chrome("Two-factor log-in"),
                    "error",
                    "",
                    "next",
                    r.param("next"));
            return;
        }
        var user =
                r.app()
                        .users()
                        .findById(r.app().database().dsl(), pending.userId())
                        .orElseThrow(WebError::notFound);
        TwoFactor.Outcome o = r.app().twoFactor().completeLogIn(user, pending, r.param("code"));
        switch (o) {
            case OK -> r.redirect(SafeNext.of(r.param("next")));
            case TOO_MANY_ATTEMPTS ->
                    r.render(
                            429,
                            "accounts/two_factor.jte",
                            r.chrome("Two-factor log-in"),
                            "error",
                            "Too many attempts today. Try again tomorrow.",
                            "next",
                            r.param("next"));
            default ->
                    r.render(
                            400,
                            "accounts/two_factor.jte",
                            r.chrome("Two-factor log-in"),
                            "error",
                            "That code is not right, or was used already. Wait for the next one.",
                            "next",
                            r.param("next"));
        }
    }

    /**
     * {@code GET|POST /accounts/sudo/}: proves again who is at the keyboard, with a mailed code or,
     * on sites that cannot send mail, the password.
     */
    public static void sudo(WebRequest r) {
        String next =
                SafeNext.of(r.param("next").isEmpty() ? "/accounts/profile/" : r.param("next"));
        var sudo = r.app().sudoMode();
        if (sudo.active(r.session())) {
            r.redirect(next);
            return;
        }
        boolean byEmail = sudo.byEmail();
        if (!r.isPost()) {
            show(r, 200, byEmail, next, false, "");
            return;
        }
        switch (r.param("action")) {
            case "send" -> {
                boolean sent = sudo.sendCode(r.user(), r.session());
                show(
                        r,
                        sent ? 200 : 429,
                        byEmail,
                        next,
                        sent,
                        sent ? "" : "No code could be sent: too many today, or the mail failed.");
            }
            case "code" -> {
                if (sudo.confirmCode(r.session(), r.param("code"))) {
                    r.redirect(next);
                } else {
                    show(r, 400, byEmail, next, true, "That code is not right, or has expired.");
                }
            }
            case "password" -> {
                if (sudo.confirmPassword(r.user(), r.session(), r.param("password"))) {
                    r.redirect(next);
                } else {
                    show(r, 400, byEmail, next, false, "That password is not right.");
                }
            }
            default -> throw WebError.badRequest("Unknown action.");
        }
    }

    private static void show(
            WebRequest r, int status, boolean byEmail, String next, boolean sent, String error) {
        r.render(
                status,
                "accounts/sudo.jte",
                r.chrome("Confirm it is you"),
                "byEmail",
                byEmail,
                "hasPassword",
                r.app().profiles().hasPassword(r.user()),
                "next",
                next,
                "sent",
                sent,
                "error",
                error);
    }

    /** {@code GET|POST /accounts/two_factor/totp/}: set up an authenticator app. */
    public static void setUp(WebRequest r) {
        if (!r.sudo("/accounts/two_factor/totp/")) {
            return;
        }
        if (!r.isPost()) {
            showSetUp(r, 200, Totp.newSecret(), "");
            return;
        }
        String secret = r.param("secret");
        if (!secret.matches("^[A-Z2-7]{32}$")) {
            throw WebError.badRequest("The form was changed. Start again.");
        }
        if (!r.app().twoFactor().enable(r.user(), secret, r.param("code"))) {
            showSetUp(
                    r,
                    400,
                    secret,
                    "That code does not match. Check the time on your phone, then try the code it shows now.");
            return;
        }
        r.redirect("/accounts/profile/?done=2fa_on");
    }

    private static void showSetUp(WebRequest r, int status, String secret, String error) {
        String uri = r.app().twoFactor().otpauthUri(r.user(), secret);
        r.render(
                status,
                "accounts/totp_setup.jte",
                r.chrome("Set up two-factor log-in"),
                "secret",
                secret,
                "uri",
                uri,
                "qr",
                QrSvg.dataUri(uri),
                "error",
                error);
    }

    /** {@code POST /accounts/two_factor/totp/remove/}. */
    public static void remove(WebRequest r) {
        if (!r.sudo("/accounts/profile/")) {
            return;
        }
        r.app().twoFactor().disable(r.user());
        r.redirect("/accounts/profile/?done=2fa_off");
    }
}
