package io.mychecks.http.web.pages;

import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.profile.ProfileService;
import io.mychecks.http.web.SchedulePreview;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code /accounts/profile/}: password, email address, time zone, reports and nags, theme,
 * projects, closing the account; and the links that come back by email (new address, unsubscribe).
 */
public final class ProfilePage {
    private static final Map<String, String> DONE =
            Map.of(
                    "password", "Password saved. Other browsers were logged out.",
                    "email", "A confirmation link is on its way to the new address.",
                    "tz", "Time zone saved.",
                    "notifications", "Email preferences saved.",
                    "2fa_on", "Two-factor log-in is on.",
                    "2fa_off", "Two-factor log-in is off.");

    private ProfilePage() {}

    public static void handle(WebRequest r) {
        if (!r.isPost()) {
            show(r, 200, Map.of(), DONE.getOrDefault(r.param("done"), ""));
            return;
        }
        ProfileService profiles = r.app().profiles();
        String action = r.param("action");
        if (java.util.Set.of("set_password", "change_email", "close_account").contains(action)
                && !r.sudo("/accounts/profile/")) {
            return;
        }
        switch (action) {
            case "set_password" -> {
                if (!r.param("password").equals(r.param("password2"))) {
                    show(r, 400, Map.of("password", "The two passwords differ."), "");
                    return;
                }
                var result = profiles.setPassword(r.user(), r.param("password"));
                switch (result.outcome()) {
                    case OK -> {
                        r.replaceSession(result.session());
                        r.redirect("/accounts/profile/?done=password");
                    }
                    default ->
                            show(
                                    r,
                                    400,
                                    Map.of("password", "A password has at least 8 characters."),
                                    "");
                }
            }
            case "change_email" -> {
                switch (profiles.requestEmailChange(r.user(), r.param("email"))) {
                    case SENT -> r.redirect("/accounts/profile/?done=email");
                    case TAKEN ->
                            show(r, 400, Map.of("email", "Another account uses that address."), "");
                    case TOO_MANY ->
                            show(
                                    r,
                                    429,
                                    Map.of(
                                            "email",
                                            "Too many changes asked for, or the mail could not be sent. Try again later."),
                                    "");
                    default -> show(r, 400, Map.of("email", "Enter a valid email address."), "");
                }
            }
            case "set_tz" -> {
                if (!profiles.setTimeZone(r.user(), r.param("tz").strip())) {
                    show(r, 400, Map.of("tz", "Unknown time zone."), "");
                    return;
                }
                r.redirect("/accounts/profile/?done=tz");
            }
            case "notifications" -> {
                long nag;
                try {
                    nag = Long.parseLong(r.param("nag_period"));
                } catch (NumberFormatException e) {
                    nag = -1;
                }
                if (!profiles.setNotifications(r.user(), r.param("reports"), nag)) {
                    show(r, 400, Map.of("notifications", "Pick one of the offered choices."), "");
                    return;
                }
                r.redirect("/accounts/profile/?done=notifications");
            }
            case "close_account" -> {
                if (!profiles.closeAccount(r.user(), r.param("confirm_email"))) {
                    show(
                            r,
                            400,
                            Map.of("close", "Type your email address exactly to confirm."),
                            "");
                    return;
                }
                r.logOut();
                r.redirect("/accounts/login/");
            }
            default -> throw WebError.badRequest("Unknown action.");
        }
    }

    private static void show(WebRequest r, int status, Map<String, String> errors, String message) {
        UserStore.Prefs prefs = r.app().profiles().prefs(r.user());
        List<ProjectAccess.Access> projects = r.app().projectAccess().projectsOf(r.user());
        r.render(
                status,
                "accounts/profile.jte",
                r.chrome("Account"),
                "user",
                r.user(),
                "hasPassword",
                r.app().profiles().hasPassword(r.user()),
                "prefs",
                prefs,
                "projects",
                projects,
                "zones",
                SchedulePreview.ZONES,
                "errors",
                errors,
                "message",
                message,
                "mailConfigured",
                r.app().loginLinks().available(),
                "twoFactor",
                r.app().twoFactor().enabled(r.user()),
                "sudo",
                r.app().sudoMode().active(r.session()),
                "proxy",
                r.proxyLogIn());
    }

    /** {@code GET|POST /accounts/change_email/<token>/}: the link sent to the new address. */
    public static void confirmEmail(WebRequest r) {
        String token = r.path("token");
        var change = r.app().profiles().checkEmailChange(token);
        if (change.isEmpty()) {
            r.render(400, "accounts/link_invalid.jte", r.chrome("Link expired"));
            return;
        }
        if (!r.isPost()) {
            r.render(
                    "accounts/confirm.jte",
                    r.chrome("Confirm your new address"),
                    "heading",
                    "Use " + change.get().newEmail() + "?",
                    "text",
                    "Press the button to make it the address of your account.",
                    "action",
                    "/accounts/change_email/" + token + "/",
                    "button",
                    "Confirm address");
            return;
        }
        if (!r.app().profiles().applyEmailChange(token)) {
            r.render(400, "accounts/link_invalid.jte", r.chrome("Link expired"));
            return;
        }
        r.render(
                "accounts/message.jte",
                r.chrome("Address changed"),
                "heading",
                "Address changed",
                "text",
                "Your account now uses " + change.get().newEmail() + ".");
    }

    /**
     * {@code GET|POST /accounts/unsubscribe_reports/<token>/}: GET asks, POST (the button, or a
     * mail client's one-click request) turns reports and nags off.
     */
    public static void unsubscribe(WebRequest r) {
        String token = r.path("token");
        var user = r.app().reportSender().links().verify(token);
        if (user.isEmpty()) {
            throw WebError.notFound();
        }
        if (!r.isPost()) {
            r.render(
                    "accounts/confirm.jte",
                    r.chrome("Unsubscribe"),
                    "heading",
                    "Stop reports and reminders?",
                    "text",
                    "You will get no more email reports or nag reminders. Alerts are not affected.",
                    "action",
                    "/accounts/unsubscribe_reports/" + token + "/",
                    "button",
                    "Unsubscribe");
            return;
        }
        r.app()
                .database()
                .inTransactionRun(cfg -> r.app().users().unsubscribe(cfg.dsl(), user.get()));
        r.render(
                "accounts/message.jte",
                r.chrome("Unsubscribed"),
                "heading",
                "Unsubscribed",
                "text",
                "You will get no more reports or reminders. You can turn them on again on your account page.");
    }
}
