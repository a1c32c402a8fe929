package io.mychecks.http.web.pages;

import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.Role;
import io.mychecks.core.teams.ProjectAdmin;
import io.mychecks.core.teams.Teams;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.util.List;
import java.util.Map;

/**
 * {@code /projects/<code>/settings/}: name, keys, Prometheus URL, team, transfer, deletion. Every
 * change is a POST to the page with an {@code action}, each checked against the user's role.
 */
public final class ProjectSettingsPage {
    private static final Map<String, ProjectAdmin.Key> KEYS =
            Map.of(
                    "api_key", ProjectAdmin.Key.API_KEY,
                    "api_key_readonly", ProjectAdmin.Key.API_KEY_READONLY,
                    "ping_key", ProjectAdmin.Key.PING_KEY);
    private static final Map<String, Role> ROLES =
            Map.of("m", Role.MANAGER, "w", Role.MEMBER, "r", Role.READONLY);

    private ProjectSettingsPage() {}

    public static void handle(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), false);
        if (!r.isPost()) {
            show(r, access, 200, "", "", "");
            return;
        }
        String action = r.param("action");
        Role role = access.role();
        var project = access.project();
        switch (action) {
            case "set_project_name" -> {
                need(role.canWrite());
                try {
                    r.app().projectAdmin().rename(project, r.param("name"));
                } catch (IllegalArgumentException e) {
                    show(r, access, 400, "", e.getMessage(), "");
                    return;
                }
                done(r, "renamed");
            }
            case "create_key" -> {
                need(role.canWrite());
                ProjectAdmin.Key key = KEYS.get(r.param("key"));
                if (key == null) {
                    throw WebError.badRequest("Unknown key.");
                }
                String value = r.app().projectAdmin().createKey(project, key);
                // shown once, on this answer only
                ProjectAccess.Access fresh = r.project(project.code(), false);
                show(
                        r,
                        fresh,
                        200,
                        key == ProjectAdmin.Key.PING_KEY ? "" : value,
                        "",
                        "New key created. Copy it now: it is not shown again.");
            }
            case "revoke_key" -> {
                need(role.canWrite());
                ProjectAdmin.Key key = KEYS.get(r.param("key"));
                if (key == null) {
                    throw WebError.badRequest("Unknown key.");
                }
                r.app().projectAdmin().revokeKey(project, key);
                done(r, "revoked");
            }
            case "invite_team_member" -> {
                need(role.canManageTeam());
                Role invited = ROLES.get(r.param("role"));
                if (invited == null) {
                    throw WebError.badRequest("Pick manager, member or read-only.");
                }
                if (invited == Role.MANAGER && role != Role.OWNER) {
                    throw WebError.forbidden();
                }
                Teams.Invite outcome =
                        r.app().teams().invite(project, r.user(), r.param("email"), invited);
                switch (outcome) {
                    case INVITED -> done(r, "invited");
                    case ALREADY_IN ->
                            show(
                                    r,
                                    access,
                                    400,
                                    "",
                                    "",
                                    "That address is already in this project.");
                    case BAD_ADDRESS ->
                            show(r, access, 400, "", "", "Enter a valid email address.");
                    default ->
                            show(
                                    r,
                                    access,
                                    429,
                                    "",
                                    "",
                                    "Too many invitations today. Try again tomorrow.");
                }
            }
            case "remove_team_member" -> {
                need(role.canManageTeam());
                long id = userId(r);
                if (!r.app().teams().remove(project, id)) {
                    throw WebError.notFound();
                }
                done(r, "removed");
            }
            case "set_role" -> {
                need(role.canManageTeam());
                Role to = ROLES.get(r.param("role"));
                if (to == null || (to == Role.MANAGER && role != Role.OWNER)) {
                    throw WebError.badRequest("Pick member or read-only.");
                }
                if (!r.app().teams().setRole(project, userId(r), to)) {
                    throw WebError.notFound();
                }
                done(r, "role");
            }
            case "leave_project" -> {
                if (role == Role.OWNER && project.ownerId() == r.user().id()) {
                    throw WebError.badRequest(
                            "The owner cannot leave: transfer the project first.");
                }
                r.app().teams().remove(project, r.user().id());
                r.redirect("/");
            }
            case "transfer_project" -> {
                needOwner(r, access);
                if (!r.app().teams().requestTransfer(project, r.user(), userId(r))) {
                    throw WebError.notFound();
                }
                done(r, "transfer");
            }
            case "cancel_transfer" -> {
                needOwner(r, access);
                r.app().teams().cancelTransfer(project);
                done(r, "cancelled");
            }
            case "accept_transfer" -> {
                if (!r.app().teams().acceptTransfer(project, r.user())) {
                    throw WebError.badRequest("No transfer waits for you in this project.");
                }
                done(r, "accepted");
            }
            case "reject_transfer" -> {
                r.app().teams().rejectTransfer(project, r.user());
                done(r, "declined");
            }
            case "remove_project" -> {
                needOwner(r, access);
                r.app().projectAdmin().delete(project);
                r.redirect("/");
            }
            default -> throw WebError.badRequest("Unknown action.");
        }
    }

    private static void need(boolean allowed) {
        if (!allowed) {
            throw WebError.forbidden();
        }
    }

    private static void needOwner(WebRequest r, ProjectAccess.Access access) {
        need(access.project().ownerId() == r.user().id() || r.user().superuser());
    }

    private static long userId(WebRequest r) {
        try {
            return Long.parseLong(r.param("user"));
        } catch (NumberFormatException e) {
            throw WebError.badRequest("Pick a member.");
        }
    }

    private static final Map<String, String> DONE =
            Map.of(
                    "renamed", "Project renamed.",
                    "revoked", "Key revoked.",
                    "invited", "Invitation sent.",
                    "removed", "Member removed.",
                    "role", "Role changed.",
                    "transfer", "Transfer requested. The member has to accept it.",
                    "cancelled", "Transfer cancelled.",
                    "accepted", "You own this project now.",
                    "declined", "Transfer declined.");

    /** Redirects back to the page, which then says what was done (fixed texts only). */
    private static void done(WebRequest r, String what) {
        r.redirect("/projects/" + r.path("code") + "/settings/?done=" + what);
    }

    private static void show(
            WebRequest r,
            ProjectAccess.Access access,
            int status,
            String newKey,
            String nameError,
            String teamMessage) {
        List<MemberStore.Member> members = r.app().teams().members(access.project());
        boolean pendingForMe =
                members.stream()
                        .anyMatch(
                                m ->
                                        m.user().id() == r.user().id()
                                                && m.transferRequested() != null);
        String done = r.param("done");
        r.render(
                status,
                "project_settings.jte",
                r.chrome("Settings").in(access, "settings"),
                "owner",
                r.app().teams().owner(access.project()).map(u -> u.email()).orElse(""),
                "members",
                members,
                "isOwner",
                access.project().ownerId() == r.user().id() || r.user().superuser(),
                "newKey",
                newKey,
                "message",
                !teamMessage.isEmpty() ? teamMessage : DONE.getOrDefault(done, ""),
                "nameError",
                nameError,
                "pendingForMe",
                pendingForMe,
                "siteRoot",
                r.app().settings().siteRoot(),
                "pingEndpoint",
                r.app().settings().pingEndpoint());
    }
}
