package io.mychecks.core.teams;

import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.Role;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.login.LoginLinks;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The people of a project: inviting them (an account is made for an unknown address, and a log-in
 * link is mailed), their roles, removing them, leaving, and handing the project to a member, who
 * must accept.
 */
public final class Teams {
    static final int INVITES_PER_DAY = 20;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** How an invitation ended. */
    public enum Invite {
        INVITED,
        ALREADY_IN,
        BAD_ADDRESS,
        TOO_MANY
    }

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final ProjectStore projects;
    private final MemberStore members;
    private final LoginLinks links;
    private final RateLimiter limits;
    private final Settings settings;

    public Teams(
            Database database,
            Clock clock,
            UserStore users,
            ProjectStore projects,
            MemberStore members,
            LoginLinks links,
            RateLimiter limits,
            Settings settings) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.projects = projects;
        this.members = members;
        this.links = links;
        this.limits = limits;
        this.settings = settings;
    }

    /** The project's members, without its owner. */
    public List<MemberStore.Member> members(Project project) {
        return members.membersOf(database.dsl(), project.id());
    }

    /** The project's owner. */
    public Optional<User> owner(Project project) {
        return users.findById(database.dsl(), project.ownerId());
    }

    /**
     * Invites {@code email} to the project with {@code role} (not owner). Works while registration
     * is closed. At most {@value #INVITES_PER_DAY} a day per project owner, except for people
     * already in another of the owner's projects.
     */
    public Invite invite(Project project, User inviter, String email, Role role) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("invite as manager, member or read-only");
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            return Invite.BAD_ADDRESS;
        }
        Optional<User> known = users.findByEmail(database.dsl(), address);
        if (known.isPresent()
                && (known.get().id() == project.ownerId()
                        || members.roleOf(database.dsl(), known.get().id(), project.id())
                                .isPresent())) {
            return Invite.ALREADY_IN;
        }
        boolean familiar =
                known.isPresent()
                        && members.projectsWithMember(
                                        database.dsl(), project.ownerId(), known.get().id())
                                > 0;
        if (!familiar
                && !limits.tryTake(
                        "invite-" + project.ownerId(), INVITES_PER_DAY, Duration.ofDays(1))) {
            return Invite.TOO_MANY;
        }
        User invitee =
                database.inTransaction(
                        cfg -> {
                            User u =
                                    users.findByEmail(cfg.dsl(), address)
                                            .orElseGet(
                                                    () ->
                                                            users.insert(
                                                                    cfg.dsl(),
                                                                    address,
                                                                    "",
                                                                    false,
                                                                    clock.instant()));
                            members.put(cfg.dsl(), u.id(), project.id(), role.code());
                            return u;
                        });
        links.send(
                invitee,
                "You are invited to " + project.name() + " on " + settings.siteName(),
                inviter.email()
                        + " invited you to the project \u201c"
                        + project.name()
                        + "\u201d as "
                        + role.label().toLowerCase(Locale.ROOT)
                        + ".");
        return Invite.INVITED;
    }

    /** Changes a member's role; false when the user is not a member. */
    public boolean setRole(Project project, long userId, Role role) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("use a transfer to change the owner");
        }
        return database.inTransaction(
                cfg -> {
                    if (members.roleOf(cfg.dsl(), userId, project.id()).isEmpty()) {
                        return false;
                    }
                    members.put(cfg.dsl(), userId, project.id(), role.code());
                    return true;
                });
    }

    /** Removes a member (also how a member leaves); false when the user is not one. */
    public boolean remove(Project project, long userId) {
        return database.inTransaction(cfg -> members.delete(cfg.dsl(), userId, project.id()));
    }

    /** The owner asks member {@code userId} to take the project over; mails them. */
    public boolean requestTransfer(Project project, User owner, long userId) {
        Optional<User> member =
                database.inTransaction(
                        cfg -> {
                            if (members.roleOf(cfg.dsl(), userId, project.id()).isEmpty()) {
                                return Optional.<User>empty();
                            }
                            members.clearTransfers(cfg.dsl(), project.id());
                            members.setTransferRequested(
                                    cfg.dsl(), userId, project.id(), clock.instant());
                            return users.findById(cfg.dsl(), userId);
                        });
        member.ifPresent(
                m ->
                        links.send(
                                m,
                                "Take over " + project.name() + " on " + settings.siteName() + "?",
                                owner.email()
                                        + " asks you to become the owner of the project \u201c"
                                        + project.name()
                                        + "\u201d. Log in and accept or decline on the project's"
                                        + " settings page."));
        return member.isPresent();
    }

    /** The owner withdraws a transfer request. */
    public void cancelTransfer(Project project) {
        database.inTransactionRun(cfg -> members.clearTransfers(cfg.dsl(), project.id()));
    }

    /** True when {@code user} has been asked to take the project over. */
    public boolean transferPending(Project project, User user) {
        return members(project).stream()
                .anyMatch(m -> m.user().id() == user.id() && m.transferRequested() != null);
    }

    /**
     * The asked member accepts: they become the owner, the old owner a member with read-write
     * access. False when no transfer waits for them.
     */
    public boolean acceptTransfer(Project project, User user) {
        return database.inTransaction(
                cfg -> {
                    projects.lockForWrite(cfg.dsl(), project.id());
                    Project current = projects.findById(cfg.dsl(), project.id()).orElse(null);
                    boolean asked =
                            current != null
                                    && members.membersOf(cfg.dsl(), project.id()).stream()
                                            .anyMatch(
                                                    m ->
                                                            m.user().id() == user.id()
                                                                    && m.transferRequested()
                                                                            != null);
                    if (!asked) {
                        return false;
                    }
                    members.delete(cfg.dsl(), user.id(), project.id());
                    members.clearTransfers(cfg.dsl(), project.id());
                    members.put(cfg.dsl(), current.ownerId(), project.id(), Role.MEMBER.code());
                    projects.setOwner(cfg.dsl(), project.id(), user.id());
                    return true;
                });
    }

    /** The asked member declines. */
    public void rejectTransfer(Project project, User user) {
        database.inTransactionRun(
                cfg -> members.setTransferRequested(cfg.dsl(), user.id(), project.id(), null));
    }
}
