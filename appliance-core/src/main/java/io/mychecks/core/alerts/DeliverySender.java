package io.mychecks.core.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.Channel;
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
import java.util.List;
import java.util.Optional;
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
     */
    public int claimAndSend(Instant now) {
        int free = threads - inFlight.get();
        if (free <= 0) {
            return 0;
        }
        List<Notification> claimed =
                database.inTransaction(
                        cfg ->
                                stores.notifications()
                                        .claimDue(cfg.dsl(), now, now.plus(LEASE), free));
        for (Notification n : claimed) {
            inFlight.incrementAndGet();
            pool.execute(
                    () -> {
                        try {
                            send(n);
                        } catch (RuntimeException e) {
                            LOG.error("delivery {} failed unexpectedly", n.id(), e);
                        } finally {
                            inFlight.decrementAndGet();
                            wake.fire();
                        }
                    });
        }
        return claimed.size();
    }

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
        Optional<Notifier> notifier = notifiers.find(channel.get().kind());
        if (notifier.isEmpty()) {
            record(
                    n,
                    channel.get(),
                    Delivery.failed(
                            "Integration kind '" + channel.get().kind() + "' is not available"),
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
        record(n, channel.get(), result, start, millis);
        LOG.info(
                "{} goes {}: {} {} in {} ms",
                check.get().code(),
                n.checkStatus().wire(),
                channel.get().kind(),
                result.isOk() ? "OK" : "error (" + result.error() + ")",
                millis);
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

    private void record(
            Notification n, Channel channel, Delivery result, Instant start, long millis) {
        database.inTransactionRun(
                cfg -> {
                    var ctx = cfg.dsl();
                    var notes = stores.notifications();
                    switch (result.result()) {
                        case OK:
                            notes.markSent(ctx, n.id(), clock.instant());
                            break;
                        case RETRY:
                            Optional<Duration> wait = Backoff.after(n.attempts());
                            if (wait.isPresent()) {
                                notes.markRetry(
                                        ctx,
                                        n.id(),
                                        clock.instant().plus(wait.get()),
                                        result.error());
                            } else {
                                notes.markFailed(
                                        ctx,
                                        n.id(),
                                        result.error()
                                                + " (gave up after "
                                                + n.attempts()
                                                + " attempts)");
                            }
                            break;
                        default:
                            notes.markFailed(ctx, n.id(), result.error());
                    }
                    stores.channels()
                            .recordDelivery(
                                    ctx,
                                    channel.id(),
                                    start,
                                    millis,
                                    result.error(),
                                    result.result() == Delivery.Result.PERMANENT);
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
