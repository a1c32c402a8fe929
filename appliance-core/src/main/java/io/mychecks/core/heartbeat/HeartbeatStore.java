package io.mychecks.core.heartbeat;

import static io.mychecks.core.db.schema.Tables.SERVICE_HEARTBEATS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** The {@code service_heartbeats} table: one row per service and host, rewritten as it beats. */
public final class HeartbeatStore {
    /** Writes the service's beat, creating its row on the first one. */
    public void beat(DSLContext ctx, String service, String host, Instant started, Instant now) {
        ctx.insertInto(SERVICE_HEARTBEATS)
                .set(SERVICE_HEARTBEATS.SERVICE, service)
                .set(SERVICE_HEARTBEATS.HOST, host)
                .set(SERVICE_HEARTBEATS.STARTED, started)
                .set(SERVICE_HEARTBEATS.BEAT, now)
                .onConflict(SERVICE_HEARTBEATS.SERVICE, SERVICE_HEARTBEATS.HOST)
                .doUpdate()
                .set(SERVICE_HEARTBEATS.STARTED, started)
                .set(SERVICE_HEARTBEATS.BEAT, now)
                .execute();
    }

    /** The newest row of {@code service} (the host that beat last), if any. */
    public Optional<Heartbeat> latest(DSLContext ctx, String service) {
        return ctx.selectFrom(SERVICE_HEARTBEATS)
                .where(SERVICE_HEARTBEATS.SERVICE.eq(service))
                .orderBy(SERVICE_HEARTBEATS.BEAT.desc())
                .limit(1)
                .fetchOptional(
                        r ->
                                new Heartbeat(
                                        r.getService(), r.getHost(), r.getStarted(), r.getBeat()));
    }
}
