package io.mychecks.core.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.PingStore;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued deliveries on a bounded pool, each channel on its own thread, so one slow channel
 * delays no other. A delivery is claimed with a lease before sending and its outcome recorded
 * after: sent, retried later with {@link Backoff}, or given up (a permanent error also disables the
 * channel, as the reference does).
 */
public final class DeliverySender {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverySender.class);
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Database database;
    private final Clock clock;
    private final Stores stores;
    private final NotifierRegistry notifiers;
    private final Settings settings;
    private final FlipSignal wake;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int perProjectMax;

    /** Threads a project over its share leaves free for other projects' next deliveries. */
    private final int reserve;

    private final Map<Long, Integer> perProject = new ConcurrentHashMap<>();

    /** The stores a delivery reads and writes. */
    public record Stores(
            NotificationStore notifications,
            ChannelStore channels,
            CheckStore checks,
            PingStore pings,
            FlipStore flips,
            ProjectStore projects) {}

    public DeliverySender(
            Database database,
            Clock clock,
            Stores stores,
            NotifierRegistry notifiers,
            Settings settings,
            FlipSignal wake,
            int threads) {
        this.database = database;
        this.clock = clock;
        this.stores = stores;
        this.notifiers = notifiers;
        this.settings = settings;
        this.wake = wake;
        this.threads = threads;
        this.perProjectMax = Math.max(1, threads / 2);
        this.reserve = Math.max(1, threads / 4);
        this.pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "delivery");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Claims as many due deliveries as there are free threads and starts them; returns how many.
     * One project holds at most half the threads, so a project whose targets are slow cannot starve
     * the others.
     */
    public int claimAndSend(Instant now) {
        int free = threads - inFlight.get();
        if (free <= 0) {
            return 0;
        }
        List<Claimed> claimed =
                database.inTransaction(
                        cfg -> {
                            var ctx = cfg.dsl();
                            List<Claimed> out = new ArrayList<>();
                            Map<Long, Integer> taking = new HashMap<>();
                            List<NotificationStore.Candidate> due =
                                    stores.notifications().dueCandidates(ctx, now, free * 4);
                            // first every project up to its share, then, if threads are still
                            // free, more of the same: fairness when projects compete, full speed
                            // when one project is alone with work
                            for (boolean capped : new boolean[] {true, false}) {
                                // the second pass keeps a quarter of all threads for others
                                int limit = capped ? free : free - reserve;
                                for (NotificationStore.Candidate c : due) {
                                    if (out.size() >= limit) {
                                        break;
                                    }
                                    int busy =
                                            perProject.getOrDefault(c.projectId(), 0)
                                                    + taking.getOrDefault(c.projectId(), 0);
                                    if (capped && busy >= perProjectMax) {
                                        continue;
                                    }
                                    Optional<Notification> n =
                                            stores.notifications()
                                                    .claim(ctx, c.id(), now, now.plus(LEASE));
                                    if (n.isPresent()) {
                                        out.add(new Claimed(n.get(), c.projectId()));
                                        taking.merge(c.projectId(), 1, Integer::sum);
                                    }
                                }
                            }
                            return out;
                        });
        for (Claimed c : claimed) {
            Notification n = c.notification();
            long project = c.projectId();
            inFlight.incrementAndGet();
            perProject.merge(project, 1, Integer::sum);
            pool.execute(
                    () -> {
                        try {
                            send(n);
                        } catch (Throwable e) { // NOPMD: a delivery thread must outlive anything
                            LOG.error("delivery {} failed unexpectedly: {}", n.id(), e.toString());
                        } finally {
                            perProject.computeIfPresent(project, (k, v) -> v > 1 ? v - 1 : null);
                            inFlight.decrementAndGet();
                            wake.fire();
                        }
                    });
        }
        return claimed.size();
    }

    /** A delivery claimed for sending, and the project of its check. */
    private record Claimed(Notification notification, long projectId) {}

    /** Claims and sends due deliveries on the calling thread (tests and one-shot runs). */
    public int sendDueNow(Instant now) {
        List<Notification> claimed =
                database.inTransaction(
                        cfg ->
                                stores.notifications()
                                        .claimDue(cfg.dsl(), now, now.plus(LEASE), 100));
        claimed.forEach(this::send);
        return claimed.size();
    }

    /** True when another delivery could start now. */
    public boolean hasFreeThread() {
        return inFlight.get() < threads;
    }

    /** True while deliveries are being sent. */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    void send(Notification n) {
        var ctx = database.dsl();
        Optional<Channel> channel = stores.channels().findById(ctx, n.channelId());
        Optional<Check> check =
                n.checkId() == null ? Optional.empty() : stores.checks().findById(ctx, n.checkId());
        if (channel.isEmpty() || check.isEmpty()) {
            return; // deleted since: the cascade removed the delivery too
        }
        if (stores.notifications().isSuperseded(ctx, n)) {
            boolean recorded =
                    database.inTransaction(
                            cfg -> stores.notifications().markSuperseded(cfg.dsl(), n));
            if (recorded) {
                LOG.info(
                        "check {} ({}): {} notification to channel {} ({}) not sent: the check"
                                + " has flipped since",
                        check.get().id(),
                        check.get().config().name(),
                        n.checkStatus().wire(),
                        channel.get().id(),
                        channel.get().kind());
            }
            return;
        }
        Optional<Notifier> notifier = notifiers.find(channel.get().kind());
        if (notifier.isEmpty()) {
            record(
                    n,
                    channel.get(),
                    Delivery.failed(notifiers.unavailable(channel.get().kind())),
                    clock.instant(),
                    0);
            return;
        }
        Alert alert = alert(n, channel.get(), check.get());
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        Delivery result;
        try {
            result = notifier.get().deliver(alert, ChannelConfigs.parse(channel.get()));
        } catch (RuntimeException e) {
            LOG.warn("{} notifier failed: {}", channel.get().kind(), e.toString());
            result = Delivery.retry("Unexpected error: " + e.getClass().getSimpleName());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        boolean recorded = record(n, channel.get(), result, start, millis);
        LOG.info(
                "check {} ({}) goes {}: channel {} ({}) {} in {} ms{}",
                check.get().id(),
                check.get().config().name(),
                n.checkStatus().wire(),
                channel.get().id(),
                channel.get().kind(),
                result.isOk() ? "OK" : "error (" + result.error() + ")",
                millis,
                recorded ? "" : "; not recorded: the lease ran out and another sender has it");
    }

    private Alert alert(Notification n, Channel channel, Check check) {
        var ctx = database.dsl();
        String reason =
                n.flipId() == null
                        ? ""
                        : stores.flips().findById(ctx, n.flipId()).map(Flip::reason).orElse("");
        Duration downtime = null;
        if (n.checkStatus() == CheckStatus.UP) {
            downtime =
                    stores.flips()
                            .latestTo(ctx, check.id(), CheckStatus.DOWN, n.flipCreated())
                            .map(f -> Duration.between(f.created(), n.flipCreated()))
                            .orElse(null);
        }
        String projectName =
                stores.projects().findById(ctx, check.projectId()).map(p -> p.name()).orElse("");
        ObjectNode json =
                CheckJson.render(
                        check,
                        3,
                        false,
                        stores.channels().codesForCheck(ctx, check.id()),
                        settings,
                        clock.instant());
        return new Alert(
                n.code(),
                channel,
                check,
                projectName,
                n.checkStatus(),
                n.flipCreated(),
                reason,
                stores.pings().lastCounted(ctx, check.id()).orElse(null),
                downtime,
                json);
    }

    /**
     * Records the result, fenced by the lease: a sender that outran its lease (another claimed the
     * row since) records nothing, neither on the delivery nor on the channel. Returns whether it
     * recorded.
     */
    private boolean record(
            Notification n, Channel channel, Delivery result, Instant start, long millis) {
        return database.inTransaction(
                cfg -> {
                    var ctx = cfg.dsl();
                    var notes = stores.notifications();
                    boolean held;
                    switch (result.result()) {
                        case OK:
                            held = notes.markSent(ctx, n, clock.instant());
                            break;
                        case RETRY:
                            // the target's Retry-After, when longer, wins over our backoff
                            Optional<Duration> wait =
                                    Backoff.after(n.attempts())
                                            .map(
                                                    b ->
                                                            result.retryAfterWait()
                                                                    .filter(a -> a.compareTo(b) > 0)
                                                                    .orElse(b));
                            held =
                                    wait.isPresent()
                                            ? notes.markRetry(
                                                    ctx,
                                                    n,
                                                    clock.instant().plus(wait.get()),
                                                    result.error())
                                            : notes.markFailed(
                                                    ctx,
                                                    n,
                                                    result.error()
                                                            + " (gave up after "
                                                            + n.attempts()
                                                            + " attempts)");
                            break;
                        default:
                            held = notes.markFailed(ctx, n, result.error());
                    }
                    if (held) {
                        stores.channels()
                                .recordDelivery(
                                        ctx,
                                        channel.id(),
                                        start,
                                        millis,
                                        result.error(),
                                        result.result() == Delivery.Result.PERMANENT);
                    }
                    return held;
                });
    }

    /** Stops taking work and waits up to {@code seconds} for deliveries in flight. */
    public void shutdown(int seconds) {
        pool.shutdown();
        try {
            pool.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
