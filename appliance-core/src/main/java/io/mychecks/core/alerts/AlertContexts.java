package io.mychecks.core.alerts;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Reads what a batch of claimed deliveries needs to be sent, set-based: one query per table for the
 * whole batch (channels, checks, flips, projects, channel codes, last pings), never one per
 * delivery, so a burst of thousands of deliveries costs a handful of queries per batch.
 */
final class AlertContexts {
    private final DeliverySender.Stores stores;
    private final Settings settings;
    private final Clock clock;

    AlertContexts(DeliverySender.Stores stores, Settings settings, Clock clock) {
        this.stores = stores;
        this.settings = settings;
        this.clock = clock;
    }

    /** A claimed delivery with its channel and check, and (when it is to be sent) its alert. */
    record Ready(Notification notification, Channel channel, Check check, Alert alert) {}

    /**
     * A batch sorted out: deliveries to send, and deliveries whose check has flipped again since
     * (not to be sent: a receiver must never end on a state the check has left). Deliveries whose
     * check or channel was deleted since are in neither: the cascade removed their rows.
     */
    record Loaded(List<Ready> toSend, List<Ready> superseded) {}

    Loaded load(DSLContext ctx, List<Notification> batch) {
        if (batch.isEmpty()) {
            return new Loaded(List.of(), List.of());
        }
        Set<Long> checkIds = ids(batch, Notification::checkId);
        Map<Long, Channel> channels =
                stores.channels().findByIds(ctx, ids(batch, Notification::channelId));
        Map<Long, Check> checks = stores.checks().findByIds(ctx, checkIds);
        Map<Long, Long> newestFlip = stores.flips().newestIds(ctx, checkIds);
        List<Ready> live = new ArrayList<>();
        List<Ready> superseded = new ArrayList<>();
        for (Notification n : batch) {
            Channel channel = channels.get(n.channelId());
            Check check = n.checkId() == null ? null : checks.get(n.checkId());
            if (channel == null || check == null) {
                continue; // deleted since
            }
            Ready r = new Ready(n, channel, check, null);
            boolean newer =
                    n.flipId() != null && newestFlip.getOrDefault(check.id(), 0L) > n.flipId();
            (newer ? superseded : live).add(r);
        }
        return new Loaded(withAlerts(ctx, live), superseded);
    }

    private List<Ready> withAlerts(DSLContext ctx, List<Ready> live) {
        if (live.isEmpty()) {
            return live;
        }
        List<Notification> ns = live.stream().map(Ready::notification).toList();
        Set<Long> checkIds = ids(ns, Notification::checkId);
        Map<Long, Flip> flips = stores.flips().findByIds(ctx, ids(ns, Notification::flipId));
        Set<Long> recovered =
                ids(
                        ns.stream().filter(n -> n.checkStatus() == CheckStatus.UP).toList(),
                        Notification::checkId);
        Map<Long, Flip> lastDown = stores.flips().latestToEach(ctx, recovered, CheckStatus.DOWN);
        Map<Long, String> projects =
                stores.projects().namesByIds(ctx, ids(live, r -> r.check().projectId()));
        Map<Long, List<UUID>> codes = stores.channels().codesForChecks(ctx, checkIds);
        Map<Long, Ping> pings = stores.pings().lastCountedFor(ctx, checkIds);
        List<Ready> out = new ArrayList<>(live.size());
        for (Ready r : live) {
            Notification n = r.notification();
            Check check = r.check();
            Flip flip = n.flipId() == null ? null : flips.get(n.flipId());
            Duration downtime = null;
            Flip down = lastDown.get(check.id());
            if (n.checkStatus() == CheckStatus.UP
                    && down != null
                    && !down.created().isAfter(n.flipCreated())) {
                downtime = Duration.between(down.created(), n.flipCreated());
            }
            Alert alert =
                    new Alert(
                            n.code(),
                            r.channel(),
                            check,
                            projects.getOrDefault(check.projectId(), ""),
                            n.checkStatus(),
                            n.flipCreated(),
                            flip == null ? "" : flip.reason(),
                            pings.get(check.id()),
                            downtime,
                            CheckJson.render(
                                    check,
                                    3,
                                    false,
                                    codes.getOrDefault(check.id(), List.of()),
                                    settings,
                                    clock.instant()));
            out.add(new Ready(n, r.channel(), check, alert));
        }
        return out;
    }

    private static <T> Set<Long> ids(Collection<T> items, java.util.function.Function<T, Long> id) {
        return items.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
