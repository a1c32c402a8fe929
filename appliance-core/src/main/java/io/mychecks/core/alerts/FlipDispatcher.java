package io.mychecks.core.alerts;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Turns unprocessed flips into pending deliveries, one per interested channel, a batch at a time
 * and set-based: one statement claims the batch, one query reads the channels of all its checks,
 * and multi-row inserts queue all its deliveries, so a burst of flips costs a few statements per
 * batch, not several per flip. Claiming the flips and queueing their deliveries is one transaction,
 * so a flip is queued exactly once even with several daemons on one database, and never lost to a
 * crash.
 */
public final class FlipDispatcher {
    static final int BATCH = 500;
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
     * Claims a batch of the oldest unprocessed flips and queues their deliveries, in one
     * transaction; returns how many deliveries it queued to be sent.
     */
    public int dispatchOne(Instant now) {
        // a read first: with nothing to do, no write transaction (on SQLite, the write lock)
        if (!flips.hasUnprocessed(database.dsl())) {
            return 0;
        }
        return database.inTransactionRetrying(cfg -> dispatch(cfg.dsl(), now));
    }

    /**
     * Claims a batch of flips and queues their deliveries in the caller's transaction; returns how
     * many deliveries it queued to be sent.
     */
    int dispatch(DSLContext ctx, Instant now) {
        List<Flip> claimed = flips.claimOldest(ctx, now, BATCH);
        List<Long> checkIds = new ArrayList<>();
        for (Flip flip : claimed) {
            if (flip.notifies()) {
                checkIds.add(flip.checkId());
            }
        }
        Map<Long, List<Channel>> byCheck = channels.enabledForChecks(ctx, checkIds);
        Interest interest = new Interest();
        List<NotificationStore.NewDelivery> queue = new ArrayList<>();
        int toSend = 0;
        for (Flip flip : claimed) {
            if (!flip.notifies()) {
                continue;
            }
            for (Channel channel : byCheck.getOrDefault(flip.checkId(), List.of())) {
                String unavailable = interest.unavailable(channel);
                if (unavailable != null) {
                    queue.add(delivery(flip, channel, unavailable));
                } else if (interest.wants(channel, flip.newStatus())) {
                    queue.add(delivery(flip, channel, null));
                    toSend++;
                }
            }
        }
        notifications.insertAll(ctx, queue, now);
        return toSend;
    }

    private static NotificationStore.NewDelivery delivery(
            Flip flip, Channel channel, String error) {
        return new NotificationStore.NewDelivery(
                flip.checkId(), channel.id(), flip.id(), flip.newStatus(), flip.created(), error);
    }

    /**
     * What the channels of one batch want, worked out once per channel and status: a burst sends
     * thousands of flips to the same few channels.
     */
    private final class Interest {
        private final Map<Long, Optional<String>> unavailable = new HashMap<>();
        private final Map<Long, Map<CheckStatus, Boolean>> wants = new HashMap<>();

        /** Why the channel's kind cannot send (not in this build, switched off), or null. */
        String unavailable(Channel channel) {
            return unavailable
                    .computeIfAbsent(
                            channel.id(),
                            id ->
                                    notifiers.find(channel.kind()).isPresent()
                                            ? Optional.empty()
                                            : Optional.of(notifiers.unavailable(channel.kind())))
                    .orElse(null);
        }

        boolean wants(Channel channel, CheckStatus status) {
            return wants.computeIfAbsent(channel.id(), id -> new HashMap<>())
                    .computeIfAbsent(
                            status,
                            s -> {
                                Notifier notifier = notifiers.find(channel.kind()).orElseThrow();
                                return notifier.wants(channel, ChannelConfigs.parse(channel), s);
                            });
        }
    }
}
