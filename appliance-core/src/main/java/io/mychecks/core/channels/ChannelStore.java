package io.mychecks.core.channels;

import static io.mychecks.core.db.schema.Tables.CHANNELS;
import static io.mychecks.core.db.schema.Tables.CHECK_CHANNELS;

import io.mychecks.core.db.schema.tables.records.ChannelsRecord;
import io.mychecks.core.text.Truncate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads and writes channels (integrations) and which checks they serve. */
public final class ChannelStore {

    public Channel insert(
            DSLContext ctx,
            long projectId,
            String kind,
            String name,
            String config,
            boolean emailVerified,
            Instant now) {
        ChannelsRecord r = ctx.newRecord(CHANNELS);
        r.setCode(UUID.randomUUID().toString())
                .setProjectId(projectId)
                .setKind(kind)
                .setName(name)
                .setConfig(config)
                .setEmailVerified(emailVerified)
                .setCreated(now);
        r.store();
        return toChannel(r);
    }

    public Optional<Channel> findByCode(DSLContext ctx, UUID code) {
        return ctx.selectFrom(CHANNELS)
                .where(CHANNELS.CODE.eq(code.toString()))
                .fetchOptional()
                .map(ChannelStore::toChannel);
    }

    public Optional<Channel> findById(DSLContext ctx, long id) {
        return ctx.selectFrom(CHANNELS)
                .where(CHANNELS.ID.eq(id))
                .fetchOptional()
                .map(ChannelStore::toChannel);
    }

    /** The channels with ids in {@code ids} (those that still exist), by id: one query. */
    public Map<Long, Channel> findByIds(DSLContext ctx, Collection<Long> ids) {
        Map<Long, Channel> out = new HashMap<>();
        if (!ids.isEmpty()) {
            ctx.selectFrom(CHANNELS)
                    .where(CHANNELS.ID.in(ids))
                    .forEach(r -> out.put(r.getId(), toChannel(r)));
        }
        return out;
    }

    public List<Channel> listForProject(DSLContext ctx, long projectId) {
        return ctx.selectFrom(CHANNELS)
                .where(CHANNELS.PROJECT_ID.eq(projectId))
                .orderBy(CHANNELS.ID)
                .fetch()
                .map(ChannelStore::toChannel);
    }

    /** The enabled channels of a check, fastest first (by last delivery time, unknown last). */
    public List<Channel> enabledForCheck(DSLContext ctx, long checkId) {
        return ctx.select(CHANNELS.fields())
                .from(CHANNELS)
                .join(CHECK_CHANNELS)
                .on(CHECK_CHANNELS.CHANNEL_ID.eq(CHANNELS.ID))
                .where(CHECK_CHANNELS.CHECK_ID.eq(checkId))
                .and(CHANNELS.DISABLED.isFalse())
                .orderBy(CHANNELS.LAST_NOTIFY_DURATION_MS.asc().nullsLast(), CHANNELS.ID)
                .fetchInto(CHANNELS)
                .map(ChannelStore::toChannel);
    }

    /**
     * The enabled channels of each of the checks {@code checkIds}, by check id, each list fastest
     * first like {@link #enabledForCheck} (a check without enabled channels has no entry): one
     * query.
     */
    public Map<Long, List<Channel>> enabledForChecks(DSLContext ctx, Collection<Long> checkIds) {
        Map<Long, List<Channel>> out = new HashMap<>();
        if (checkIds.isEmpty()) {
            return out;
        }
        ctx.select(CHECK_CHANNELS.CHECK_ID)
                .select(CHANNELS.fields())
                .from(CHANNELS)
                .join(CHECK_CHANNELS)
                .on(CHECK_CHANNELS.CHANNEL_ID.eq(CHANNELS.ID))
                .where(CHECK_CHANNELS.CHECK_ID.in(checkIds))
                .and(CHANNELS.DISABLED.isFalse())
                .orderBy(CHANNELS.LAST_NOTIFY_DURATION_MS.asc().nullsLast(), CHANNELS.ID)
                .forEach(
                        r ->
                                out.computeIfAbsent(
                                                r.get(CHECK_CHANNELS.CHECK_ID),
                                                k -> new ArrayList<>())
                                        .add(toChannel(r.into(CHANNELS))));
        return out;
    }

    /** The codes of the channels assigned to a check. */
    public List<UUID> codesForCheck(DSLContext ctx, long checkId) {
        return ctx.select(CHANNELS.CODE)
                .from(CHANNELS)
                .join(CHECK_CHANNELS)
                .on(CHECK_CHANNELS.CHANNEL_ID.eq(CHANNELS.ID))
                .where(CHECK_CHANNELS.CHECK_ID.eq(checkId))
                .fetch(r -> UUID.fromString(r.value1()));
    }

    /**
     * The channel codes of the checks with ids in {@code checkIds}, by check id (a check without
     * channels has no entry): one query.
     */
    public Map<Long, List<UUID>> codesForChecks(DSLContext ctx, Collection<Long> checkIds) {
        Map<Long, List<UUID>> result = new HashMap<>();
        if (checkIds.isEmpty()) {
            return result;
        }
        ctx.select(CHECK_CHANNELS.CHECK_ID, CHANNELS.CODE)
                .from(CHECK_CHANNELS)
                .join(CHANNELS)
                .on(CHANNELS.ID.eq(CHECK_CHANNELS.CHANNEL_ID))
                .where(CHECK_CHANNELS.CHECK_ID.in(checkIds))
                .forEach(
                        r ->
                                result.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                                        .add(UUID.fromString(r.value2())));
        return result;
    }

    /** Links every channel of the project to the check. */
    public void assignAll(DSLContext ctx, long projectId, long checkId) {
        ctx.insertInto(CHECK_CHANNELS, CHECK_CHANNELS.CHECK_ID, CHECK_CHANNELS.CHANNEL_ID)
                .select(
                        ctx.select(DSL.val(checkId), CHANNELS.ID)
                                .from(CHANNELS)
                                .where(CHANNELS.PROJECT_ID.eq(projectId)))
                .onConflictDoNothing()
                .execute();
    }

    /** Replaces the channels of a check with {@code channelIds}. */
    public void setForCheck(DSLContext ctx, long checkId, Collection<Long> channelIds) {
        ctx.deleteFrom(CHECK_CHANNELS).where(CHECK_CHANNELS.CHECK_ID.eq(checkId)).execute();
        for (Long id : channelIds) {
            ctx.insertInto(CHECK_CHANNELS)
                    .set(CHECK_CHANNELS.CHECK_ID, checkId)
                    .set(CHECK_CHANNELS.CHANNEL_ID, id)
                    .execute();
        }
    }

    /** Links or unlinks one channel and one check. */
    public void setAssigned(DSLContext ctx, long checkId, long channelId, boolean assigned) {
        if (assigned) {
            ctx.insertInto(CHECK_CHANNELS)
                    .set(CHECK_CHANNELS.CHECK_ID, checkId)
                    .set(CHECK_CHANNELS.CHANNEL_ID, channelId)
                    .onConflictDoNothing()
                    .execute();
        } else {
            ctx.deleteFrom(CHECK_CHANNELS)
                    .where(CHECK_CHANNELS.CHECK_ID.eq(checkId))
                    .and(CHECK_CHANNELS.CHANNEL_ID.eq(channelId))
                    .execute();
        }
    }

    /** How many checks each channel of the project is linked to (channels with none left out). */
    public Map<Long, Integer> checkCounts(DSLContext ctx, long projectId) {
        Map<Long, Integer> out = new HashMap<>();
        ctx.select(CHECK_CHANNELS.CHANNEL_ID, DSL.count())
                .from(CHECK_CHANNELS)
                .join(CHANNELS)
                .on(CHANNELS.ID.eq(CHECK_CHANNELS.CHANNEL_ID))
                .where(CHANNELS.PROJECT_ID.eq(projectId))
                .groupBy(CHECK_CHANNELS.CHANNEL_ID)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** The ids of the checks a channel is linked to. */
    public java.util.Set<Long> checkIdsOf(DSLContext ctx, long channelId) {
        return new java.util.HashSet<>(
                ctx.select(CHECK_CHANNELS.CHECK_ID)
                        .from(CHECK_CHANNELS)
                        .where(CHECK_CHANNELS.CHANNEL_ID.eq(channelId))
                        .fetch(CHECK_CHANNELS.CHECK_ID));
    }

    /** Links the channel to exactly the checks {@code checkIds}. */
    public void setChecksOf(DSLContext ctx, long channelId, Collection<Long> checkIds) {
        ctx.deleteFrom(CHECK_CHANNELS).where(CHECK_CHANNELS.CHANNEL_ID.eq(channelId)).execute();
        for (Long id : checkIds) {
            ctx.insertInto(CHECK_CHANNELS)
                    .set(CHECK_CHANNELS.CHECK_ID, id)
                    .set(CHECK_CHANNELS.CHANNEL_ID, channelId)
                    .execute();
        }
    }

    /** Replaces a channel's name and settings, and whether its target is confirmed. */
    public void updateConfig(
            DSLContext ctx, long channelId, String name, String config, boolean verified) {
        ctx.update(CHANNELS)
                .set(CHANNELS.NAME, name)
                .set(CHANNELS.CONFIG, config)
                .set(CHANNELS.EMAIL_VERIFIED, verified)
                .set(CHANNELS.LAST_ERROR, "")
                .where(CHANNELS.ID.eq(channelId))
                .execute();
    }

    /** Renames a channel. */
    public void rename(DSLContext ctx, long channelId, String name) {
        ctx.update(CHANNELS).set(CHANNELS.NAME, name).where(CHANNELS.ID.eq(channelId)).execute();
    }

    public int delete(DSLContext ctx, long channelId) {
        return ctx.deleteFrom(CHANNELS).where(CHANNELS.ID.eq(channelId)).execute();
    }

    /** Records the outcome of a delivery on the channel; a permanent failure disables it. */
    public void recordDelivery(
            DSLContext ctx,
            long channelId,
            Instant start,
            long durationMs,
            String error,
            boolean disable) {
        var q =
                ctx.update(CHANNELS)
                        .set(CHANNELS.LAST_NOTIFY, start)
                        .set(CHANNELS.LAST_NOTIFY_DURATION_MS, durationMs)
                        .set(CHANNELS.LAST_ERROR, Truncate.storedError(error));
        (disable ? q.set(CHANNELS.DISABLED, true) : q).where(CHANNELS.ID.eq(channelId)).execute();
    }

    public void setEmailVerified(DSLContext ctx, long channelId, boolean verified) {
        ctx.update(CHANNELS)
                .set(CHANNELS.EMAIL_VERIFIED, verified)
                .where(CHANNELS.ID.eq(channelId))
                .execute();
    }

    static Channel toChannel(ChannelsRecord r) {
        return new Channel(
                r.getId(),
                UUID.fromString(r.getCode()),
                r.getProjectId(),
                r.getName(),
                r.getKind(),
                r.getConfig(),
                r.getEmailVerified(),
                r.getDisabled(),
                r.getCreated(),
                r.getLastNotify(),
                r.getLastNotifyDurationMs(),
                r.getLastError());
    }
}
