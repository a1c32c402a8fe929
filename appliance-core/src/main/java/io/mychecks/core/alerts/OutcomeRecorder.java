package io.mychecks.core.alerts;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.db.Database;
import io.mychecks.core.notify.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Records the outcomes of many delivery attempts in one transaction: one batch of updates fenced by
 * each delivery's lease token, then one update per channel (its newest attempt), in channel id
 * order so that two recorders never deadlock. A burst of thousands of deliveries to one channel
 * thus costs one commit per batch, not one per delivery on a contended channel row.
 */
final class OutcomeRecorder {
    private final Database database;
    private final Clock clock;
    private final NotificationStore notifications;
    private final ChannelStore channels;

    OutcomeRecorder(
            Database database,
            Clock clock,
            NotificationStore notifications,
            ChannelStore channels) {
        this.database = database;
        this.clock = clock;
        this.notifications = notifications;
        this.channels = channels;
    }

    /**
     * The outcome of one claimed delivery: {@code result} null when it was not sent because a newer
     * flip superseded it; {@code start} and {@code millis} time the attempt.
     */
    record Outcome(
            Notification notification,
            Channel channel,
            Check check,
            Delivery result,
            Instant start,
            long millis) {

        static Outcome superseded(AlertContexts.Ready r) {
            return new Outcome(r.notification(), r.channel(), r.check(), null, null, 0);
        }

        boolean isSuperseded() {
            return result == null;
        }
    }

    /**
     * Records {@code outcomes}; element i is true when outcome i was recorded, false when its
     * sender had lost the lease (it ran out and another sender claimed the row): then neither the
     * delivery nor its channel is touched.
     */
    boolean[] record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return new boolean[0];
        }
        return database.inTransactionRetrying(cfg -> recordIn(cfg.dsl(), outcomes));
    }

    /** Like {@link #record}, in the caller's transaction. */
    boolean[] recordIn(DSLContext ctx, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return new boolean[0];
        }
        Instant now = clock.instant();
        List<NotificationStore.ResultUpdate> updates = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            updates.add(update(ctx, o, now));
        }
        boolean[] held = notifications.applyAll(ctx, updates);
        recordOnChannels(ctx, outcomes, held);
        return held;
    }

    private NotificationStore.ResultUpdate update(DSLContext ctx, Outcome o, Instant now) {
        Notification n = o.notification();
        if (o.isSuperseded()) {
            return notifications.supersededUpdate(ctx, n);
        }
        Delivery result = o.result();
        switch (result.result()) {
            case OK:
                return notifications.sentUpdate(ctx, n, now);
            case RETRY:
                // the target's Retry-After, when longer, wins over our backoff
                Optional<Duration> wait =
                        Backoff.after(n.attempts())
                                .map(
                                        b ->
                                                result.retryAfterWait()
                                                        .filter(a -> a.compareTo(b) > 0)
                                                        .orElse(b));
                return wait.isPresent()
                        ? notifications.retryUpdate(ctx, n, now.plus(wait.get()), result.error())
                        : notifications.failedUpdate(
                                ctx,
                                n,
                                result.error() + " (gave up after " + n.attempts() + " attempts)");
            default:
                return notifications.failedUpdate(ctx, n, result.error());
        }
    }

    /**
     * Each channel keeps its newest recorded attempt (time, duration, error); a permanent error
     * among them disables it, as the reference does.
     */
    private void recordOnChannels(DSLContext ctx, List<Outcome> outcomes, boolean[] held) {
        Map<Long, Outcome> newest = new TreeMap<>();
        Map<Long, Boolean> disable = new TreeMap<>();
        for (int i = 0; i < held.length; i++) {
            Outcome o = outcomes.get(i);
            if (!held[i] || o.isSuperseded()) {
                continue;
            }
            long channel = o.channel().id();
            newest.merge(channel, o, (a, b) -> b.start().isBefore(a.start()) ? a : b);
            disable.merge(
                    channel, o.result().result() == Delivery.Result.PERMANENT, Boolean::logicalOr);
        }
        newest.forEach(
                (channel, o) ->
                        channels.recordDelivery(
                                ctx,
                                channel,
                                o.start(),
                                o.millis(),
                                o.result().error(),
                                disable.get(channel)));
    }
}
