package io.mychecks.core.accounts;

import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** The {@code members} table: who, besides its owner, belongs to a project, and in which role. */
public final class MemberStore {

    /** The projects the user is a member of (not those it owns), with the stored role code. */
    public Map<Project, String> projectsOfMember(DSLContext ctx, long userId) {
        Map<Project, String> out = new LinkedHashMap<>();
        ctx.select(PROJECTS.fields())
                .select(MEMBERS.ROLE)
                .from(MEMBERS)
                .join(PROJECTS)
                .on(PROJECTS.ID.eq(MEMBERS.PROJECT_ID))
                .where(MEMBERS.USER_ID.eq(userId))
                .orderBy(PROJECTS.ID)
                .forEach(
                        r ->
                                out.put(
                                        ProjectStore.toProject(r.into(PROJECTS)),
                                        r.get(MEMBERS.ROLE)));
        return out;
    }

    /** The stored role code of the user in the project, if a member. */
    public Optional<String> roleOf(DSLContext ctx, long userId, long projectId) {
        return ctx.select(MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId))
                .and(MEMBERS.PROJECT_ID.eq(projectId))
                .fetchOptional(MEMBERS.ROLE);
    }

    /** Adds the user to the project, or changes the role of one already in it. */
    public void put(DSLContext ctx, long userId, long projectId, String role) {
        int updated =
                ctx.update(MEMBERS)
                        .set(MEMBERS.ROLE, role)
                        .where(MEMBERS.USER_ID.eq(userId))
                        .and(MEMBERS.PROJECT_ID.eq(projectId))
                        .execute();
        if (updated == 0) {
            ctx.insertInto(MEMBERS)
                    .set(MEMBERS.USER_ID, userId)
                    .set(MEMBERS.PROJECT_ID, projectId)
                    .set(MEMBERS.ROLE, role)
                    .execute();
        }
    }
}
