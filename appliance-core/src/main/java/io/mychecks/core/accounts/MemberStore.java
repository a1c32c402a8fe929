package io.mychecks.core.accounts;

import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.PROJECTS;
import static io.mychecks.core.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** A member of a project: the user, the stored role code, a pending ownership transfer. */
    public record Member(User user, String role, Instant transferRequested) {}

    /** The members of the project (its owner is not one), in the order they joined. */
    public List<Member> membersOf(DSLContext ctx, long projectId) {
        return ctx.select(USERS.fields())
                .select(MEMBERS.ROLE, MEMBERS.TRANSFER_REQUESTED)
                .from(MEMBERS)
                .join(USERS)
                .on(USERS.ID.eq(MEMBERS.USER_ID))
                .where(MEMBERS.PROJECT_ID.eq(projectId))
                .orderBy(MEMBERS.ID)
                .fetch(
                        r ->
                                new Member(
                                        UserStore.toUser(r.into(USERS)),
                                        r.get(MEMBERS.ROLE),
                                        r.get(MEMBERS.TRANSFER_REQUESTED)));
    }

    /** Removes the user from the project; false when not a member. */
    public boolean delete(DSLContext ctx, long userId, long projectId) {
        return ctx.deleteFrom(MEMBERS)
                        .where(MEMBERS.USER_ID.eq(userId))
                        .and(MEMBERS.PROJECT_ID.eq(projectId))
                        .execute()
                == 1;
    }

    /** Marks (or, with null, clears) the member as asked to take the project over. */
    public void setTransferRequested(DSLContext ctx, long userId, long projectId, Instant at) {
        ctx.update(MEMBERS)
                .set(MEMBERS.TRANSFER_REQUESTED, at)
                .where(MEMBERS.USER_ID.eq(userId))
                .and(MEMBERS.PROJECT_ID.eq(projectId))
                .execute();
    }

    /** Clears every pending transfer of the project. */
    public void clearTransfers(DSLContext ctx, long projectId) {
        ctx.update(MEMBERS)
                .setNull(MEMBERS.TRANSFER_REQUESTED)
                .where(MEMBERS.PROJECT_ID.eq(projectId))
                .execute();
    }

    /** How many distinct users the owner's projects have as members. */
    public int projectsWithMember(DSLContext ctx, long ownerId, long userId) {
        return ctx.fetchCount(
                ctx.select(MEMBERS.ID)
                        .from(MEMBERS)
                        .join(PROJECTS)
                        .on(PROJECTS.ID.eq(MEMBERS.PROJECT_ID))
                        .where(PROJECTS.OWNER_ID.eq(ownerId))
                        .and(MEMBERS.USER_ID.eq(userId)));
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
