package io.mychecks.core.accounts;

import io.mychecks.core.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which projects a user of the web UI may open, and in which {@link Role}: the owner and superusers
 * as owner, members in their stored role, anyone else not at all.
 */
public final class ProjectAccess {
    /** A project as one user sees it. */
    public record Access(Project project, Role role) {}

    private final Database database;
    private final ProjectStore projects;
    private final MemberStore members;

    public ProjectAccess(Database database, ProjectStore projects, MemberStore members) {
        this.database = database;
        this.projects = projects;
        this.members = members;
    }

    /** The user's own projects first, then those it is a member of; each in creation order. */
    public List<Access> projectsOf(User user) {
        List<Access> out = new ArrayList<>();
        for (Project p : projects.listForOwner(database.dsl(), user.id())) {
            out.add(new Access(p, Role.OWNER));
        }
        members.projectsOfMember(database.dsl(), user.id())
                .forEach(
                        (p, code) ->
                                Role.ofMemberCode(code)
                                        .ifPresent(role -> out.add(new Access(p, role))));
        return out;
    }

    /** The project {@code code} if the user may open it; empty for unknown and foreign ones. */
    public Optional<Access> open(User user, UUID code) {
        Optional<Project> found = projects.findByCode(database.dsl(), code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return open(user, found.get());
    }

    /** The user's role in {@code project}, if any. */
    public Optional<Access> open(User user, Project project) {
        if (project.ownerId() == user.id() || user.superuser()) {
            return Optional.of(new Access(project, Role.OWNER));
        }
        return members.roleOf(database.dsl(), user.id(), project.id())
                .flatMap(Role::ofMemberCode)
                .map(role -> new Access(project, role));
    }
}
