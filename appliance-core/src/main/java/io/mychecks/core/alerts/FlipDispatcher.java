package io.mychecks.core.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Turns unprocessed flips into pending deliveries, one per interested channel. Claiming the flip
 * and queueing its deliveries is one transaction, so a flip is queued exactly once even with
 * several daemons on one database, and never lost to a crash.
 */
public final class FlipDispatcher {
    private static final int BATCH = 500;
    private final Database database;
    private final FlipStore flips;
    private final ChannelStore channels;
    private final NotificationStore notifications;
    private final NotifierRegistry notifiers;

    public FlipDispatcher(
            Database database,
            FlipStore flips,
            ChannelStore channels,
            NotificationStore notifications,
            NotifierRegistry notifiers) {
        this.database = database;
        this.flips = flips;
        this.channels = channels;
        this.notifications = notifications;
        this.notifiers = notifiers;
    }

    /**
     * Processes the unprocessed flips of one look in one transaction; returns how many deliveries
     * it queued.
     */
    public int dispatchOne(Instant now) {
        List<Flip> pending = flips.unprocessed(database.dsl(), BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        return database.inTransactionRetrying(
                cfg -> {
                    int queued = 0;
                    for (Flip flip : pending) {
                        queued += dispatch(cfg.dsl(), flip, now);
                    }
                    return queued;
                });
    }

    private int dispatch(DSLContext ctx, Flip flip, Instant now) {
        if (!flips.claim(ctx, flip.id(), now)) {
            return 0; // another process claimed it
        }
        if (!flip.notifies()) {
            return 0;
        }
        int n = 0;
        for (Channel channel : channels.enabledForCheck(ctx, flip.checkId())) {
            Optional<Notifier> notifier = notifiers.find(channel.kind());
            if (notifier.isEmpty()) {
                notifications.insertFailed(
                        ctx,
                        flip.checkId(),
                        channel.id(),
                        flip.id(),
                        flip.newStatus(),
                        flip.created(),
                        now,
                        notifiers.unavailable(channel.kind()));
                continue;
            }
            ObjectNode config = ChannelConfigs.parse(channel);
            if (notifier.get().wants(channel, config, flip.newStatus())) {
                notifications.insertPending(
                        ctx,
                        flip.checkId(),
                        channel.id(),
                        flip.id(),
                        flip.newStatus(),
                        flip.created(),
                        now);
                n++;
            }
        }
        return n;
    }
}
