package io.mychecks.core.accounts;

import static io.mychecks.core.db.schema.Tables.PROJECTS;
import static io.mychecks.core.db.schema.Tables.USERS;

import io.mychecks.core.db.Database;
import io.mychecks.core.db.schema.tables.records.ProjectsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads and writes projects. */
public final class ProjectStore {

    /**
     * Locks the project's owner and then the project's row until the transaction ends (PostgreSQL;
     * SQLite transactions already run one at a time), so that writers of the project's checks take
     * turns, and the owner's check limit, which spans their projects, holds under concurrency.
     */
    public void lockForWrite(DSLContext ctx, long projectId) {
        if (Database.isPostgres(ctx)) {
            ctx.select(USERS.ID)
                    .from(USERS)
                    .where(
                            USERS.ID.eq(
                                    DSL.select(PROJECTS.OWNER_ID)
                                            .from(PROJECTS)
                                            .where(PROJECTS.ID.eq(projectId))))
                    .forUpdate()
                    .fetch();
            ctx.select(PROJECTS.ID)
                    .from(PROJECTS)
                    .where(PROJECTS.ID.eq(projectId))
                    .forUpdate()
                    .fetch();
        }
    }

    public Optional<Project> findById(DSLContext ctx, long id) {
        return ctx.selectFrom(PROJECTS)
                .where(PROJECTS.ID.eq(id))
                .fetchOptional()
                .map(ProjectStore::toProject);
    }

    /** The names of the projects with ids in {@code ids}, by id: one query. */
    public java.util.Map<Long, String> namesByIds(DSLContext ctx, java.util.Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            ctx.select(PROJECTS.ID, PROJECTS.NAME)
                    .from(PROJECTS)
                    .where(PROJECTS.ID.in(ids))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    public Optional<Project> findByCode(DSLContext ctx, UUID code) {
        return ctx.selectFrom(PROJECTS)
                .where(PROJECTS.CODE.eq(code.toString()))
                .fetchOptional()
                .map(ProjectStore::toProject);
    }

    public Optional<Project> findByPingKey(DSLContext ctx, String pingKey) {
        return ctx.selectFrom(PROJECTS)
                .where(PROJECTS.PING_KEY.eq(pingKey))
                .fetchOptional()
                .map(ProjectStore::toProject);
    }

    /** Finds the project whose read-write (or, if {@code readonly}, read-only) key hash matches. */
    public Optional<Project> findByApiKeyHash(DSLContext ctx, String hash, boolean readonly) {
        var field = readonly ? PROJECTS.API_KEY_READONLY : PROJECTS.API_KEY;
        return ctx.selectFrom(PROJECTS)
                .where(field.eq(hash))
                .and(field.ne(""))
                .fetchOptional()
                .map(ProjectStore::toProject);
    }

    public List<Project> listForOwner(DSLContext ctx, long ownerId) {
        return ctx.selectFrom(PROJECTS)
                .where(PROJECTS.OWNER_ID.eq(ownerId))
                .orderBy(PROJECTS.ID)
                .fetch()
                .map(ProjectStore::toProject);
    }

    public Project insert(DSLContext ctx, long ownerId, String name, Instant now) {
        ProjectsRecord r = ctx.newRecord(PROJECTS);
        String code = UUID.randomUUID().toString();
        r.setCode(code).setName(name).setOwnerId(ownerId).setBadgeKey(code).setCreated(now);
        r.store();
        return toProject(r);
    }

    public void setApiKeyHash(DSLContext ctx, long projectId, boolean readonly, String hash) {
        ctx.update(PROJECTS)
                .set(readonly ? PROJECTS.API_KEY_READONLY : PROJECTS.API_KEY, hash)
                .where(PROJECTS.ID.eq(projectId))
                .execute();
    }

    public void rename(DSLContext ctx, long projectId, String name) {
        ctx.update(PROJECTS).set(PROJECTS.NAME, name).where(PROJECTS.ID.eq(projectId)).execute();
    }

    /** Whether the checks page shows slugs (true) or UUIDs. */
    public void setShowSlugs(DSLContext ctx, long projectId, boolean showSlugs) {
        ctx.update(PROJECTS)
                .set(PROJECTS.SHOW_SLUGS, showSlugs)
                .where(PROJECTS.ID.eq(projectId))
                .execute();
    }

    public void setOwner(DSLContext ctx, long projectId, long ownerId) {
        ctx.update(PROJECTS)
                .set(PROJECTS.OWNER_ID, ownerId)
                .where(PROJECTS.ID.eq(projectId))
                .execute();
    }

    /** Deletes the project; its checks, pings, flips, channels and members go with it. */
    public void delete(DSLContext ctx, long projectId) {
        ctx.deleteFrom(PROJECTS).where(PROJECTS.ID.eq(projectId)).execute();
    }

    public void setPingKey(DSLContext ctx, long projectId, String pingKey) {
        ctx.update(PROJECTS)
                .set(PROJECTS.PING_KEY, pingKey)
                .where(PROJECTS.ID.eq(projectId))
                .execute();
    }

    /** How many pings each check of the project keeps (its owner's limit). */
    public int pingLogLimit(DSLContext ctx, long projectId) {
        Integer v =
                ctx.select(USERS.PING_LOG_LIMIT)
                        .from(USERS)
                        .join(PROJECTS)
                        .on(PROJECTS.OWNER_ID.eq(USERS.ID))
                        .where(PROJECTS.ID.eq(projectId))
                        .fetchOne(0, Integer.class);
        return v == null ? 100 : v;
    }

    /** The owner's check limit. */
    public int checkLimit(DSLContext ctx, long projectId) {
        Integer v =
                ctx.select(USERS.CHECK_LIMIT)
                        .from(USERS)
                        .join(PROJECTS)
                        .on(PROJECTS.OWNER_ID.eq(USERS.ID))
                        .where(PROJECTS.ID.eq(projectId))
                        .fetchOne(0, Integer.class);
        return v == null ? 10000 : v;
    }

    static Project toProject(ProjectsRecord r) {
        return new Project(
                r.getId(),
                UUID.fromString(r.getCode()),
                r.getName(),
                r.getOwnerId(),
                r.getApiKey(),
                r.getApiKeyReadonly(),
                r.getPingKey(),
                r.getBadgeKey(),
                r.getShowSlugs(),
                r.getCreated());
    }
}
