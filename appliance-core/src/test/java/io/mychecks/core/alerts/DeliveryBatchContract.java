package io.mychecks.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.pings.PingKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are claimed, read and recorded in batches: a batch's context costs the same few
 * queries whatever its size, its outcomes are recorded together yet each fenced by its own lease,
 * and batching never breaks a channel's order of a check's notifications.
 */
interface DeliveryBatchContract {
    AlertHarness newHarness();

    private static DeliverySender.Stores stores(AlertHarness h) {
        var a = h.app;
        return new DeliverySender.Stores(
                a.notifications(), a.channels(), a.checks(), a.pings(), a.flips(), a.projects());
    }

    /** Queues a DOWN delivery for each of {@code n} new checks on one channel. */
    private static List<Check> downChecks(AlertHarness h, Channel channel, int n) {
        List<Check> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, channel);
            h.ping(c, PingKind.FAIL);
            made.add(c);
        }
        while (h.app.flipDispatcher().dispatchOne(h.clock.instant()) > 0) {
            // queue them all
        }
        return made;
    }

    @Test
    default void aCheckQueuedTwiceForOneChannelIsClaimedOneAtATimeOldestFirst() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.ping(c, PingKind.SUCCESS);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            assertThat(h.notifications(c)).hasSize(2); // both due, neither leased
            assertThat(h.claimDue(10))
                    .extracting(Notification::checkStatus)
                    .containsExactly(CheckStatus.DOWN);
            assertThat(h.claimDue(10)).isEmpty(); // the UP waits for the DOWN's outcome
        }
    }

    @Test
    default void aClaimFromAnEarlierLookTakesOnlyRowsThatAreStillDue() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.ping(c, PingKind.SUCCESS);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            java.time.Instant now = h.clock.instant();
            NotificationStore store = h.app.notifications();
            List<NotificationStore.Candidate> look =
                    store.dueCandidates(h.app.database().dsl(), now, 10);
            assertThat(look).hasSize(2); // the DOWN and the UP, neither in flight yet
            java.util.function.Function<Long, List<Notification>> claimFromLook =
                    id ->
                            h.app.database()
                                    .inTransaction(
                                            cfg ->
                                                    store.claimAll(
                                                            cfg.dsl(),
                                                            List.of(id),
                                                            now,
                                                            now.plus(DeliverySender.LEASE)));

            List<Notification> down = claimFromLook.apply(look.get(0).id());
            assertThat(down)
                    .singleElement()
                    .satisfies(n -> assertThat(n.checkStatus()).isEqualTo(CheckStatus.DOWN));
            // the UP of the same look waits while the DOWN is in flight to the channel
            assertThat(claimFromLook.apply(look.get(1).id())).isEmpty();
            h.app.database()
                    .inTransaction(
                            cfg ->
                                    store.markRetry(
                                            cfg.dsl(), down.get(0), now.plusSeconds(60), "busy"));
            // rescheduled since the look: no longer due
            assertThat(claimFromLook.apply(look.get(0).id())).isEmpty();
            assertThat(claimFromLook.apply(look.get(1).id()))
                    .singleElement()
                    .satisfies(n -> assertThat(n.checkStatus()).isEqualTo(CheckStatus.UP));
        }
    }

    @Test
    default void aBatchReadsItsContextWithTheSameQueriesForOneDeliveryOrTwenty() {
        try (AlertHarness h = newHarness()) {
            Channel channel = h.channel("{}");
            downChecks(h, channel, 21);
            AtomicInteger queries = new AtomicInteger();
            DSLContext counting =
                    h.app.database()
                            .dsl()
                            .configuration()
                            .derive(
                                    new DefaultExecuteListenerProvider(
                                            new ExecuteListener() {
                                                @Override
                                                public void executeStart(ExecuteContext ctx) {
                                                    queries.incrementAndGet();
                                                }
                                            }))
                            .dsl();
            AlertContexts contexts = new AlertContexts(stores(h), h.app.settings(), h.clock);
            List<Notification> all = h.claimDue(100);
            assertThat(all).hasSize(21);

            AlertContexts.Loaded one = contexts.load(counting, all.subList(0, 1));
            int forOne = queries.getAndSet(0);
            AlertContexts.Loaded twenty = contexts.load(counting, all.subList(1, 21));
            int forTwenty = queries.get();

            assertThat(one.toSend()).hasSize(1);
            assertThat(twenty.toSend()).hasSize(20);
            assertThat(forOne).isPositive().isEqualTo(forTwenty);
        }
    }

    @Test
    default void eachAlertOfABatchCarriesItsOwnCheckProjectAndLastPing() {
        try (AlertHarness h = newHarness()) {
            Channel channel = h.channel("{}");
            List<Check> checks = downChecks(h, channel, 3);
            h.clock.advance(Duration.ofMinutes(7));
            h.ping(checks.get(1), PingKind.SUCCESS); // check 1 recovers: an UP after 7 minutes
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            DeliverySender sender = h.app.deliverySender(4);
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(3);
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);

            List<Alert> got = h.notifier.received;
            assertThat(got).hasSize(3); // check 1's DOWN was superseded by its UP
            assertThat(got)
                    .allSatisfy(
                            a -> {
                                assertThat(a.lastPing().checkId()).isEqualTo(a.check().id());
                                assertThat(a.projectName()).isEqualTo(h.fx.aliceProject.name());
                                assertThat(a.checkJson().get("name").asText())
                                        .isEqualTo(a.check().config().name());
                            });
            Alert up = got.get(2);
            assertThat(up.check().id()).isEqualTo(checks.get(1).id());
            assertThat(up.status()).isEqualTo(CheckStatus.UP);
            assertThat(up.downtime()).isEqualTo(Duration.ofMinutes(7));
            assertThat(up.lastPing().kind()).isEqualTo(PingKind.SUCCESS);
            assertThat(got.subList(0, 2))
                    .extracting(a -> a.check().id())
                    .containsExactly(checks.get(0).id(), checks.get(2).id());
            assertThat(got.subList(0, 2)).allSatisfy(a -> assertThat(a.downtime()).isNull());
        }
    }

    @Test
    default void outcomesRecordedTogetherAreEachFencedByTheirOwnLease() {
        try (AlertHarness h = newHarness()) {
            Channel channel = h.channel("{}");
            List<Check> checks = downChecks(h, channel, 2);
            List<Notification> batch = h.claimDue(10);
            assertThat(batch).hasSize(2);
            // the second delivery's lease runs out and another sender claims it anew
            h.clock.advance(DeliverySender.LEASE.plusSeconds(1));
            Notification first = batch.get(0);
            h.app.database()
                    .inTransactionRun(
                            cfg ->
                                    h.app.notifications()
                                            .claimAll(
                                                    cfg.dsl(),
                                                    List.of(batch.get(1).id()),
                                                    h.clock.instant(),
                                                    h.clock.instant().plus(DeliverySender.LEASE)));
            OutcomeRecorder recorder =
                    new OutcomeRecorder(
                            h.app.database(), h.clock, h.app.notifications(), h.app.channels());
            Check c0 = checks.get(0);
            Check c1 = checks.get(1);
            boolean[] recorded =
                    recorder.record(
                            List.of(
                                    new OutcomeRecorder.Outcome(
                                            first,
                                            channel,
                                            c0,
                                            Delivery.retry("Received status code 503"),
                                            h.clock.instant(),
                                            12),
                                    new OutcomeRecorder.Outcome(
                                            batch.get(1),
                                            channel,
                                            c1,
                                            Delivery.failed("late sender"),
                                            h.clock.instant().plusMillis(5),
                                            3)));

            assertThat(recorded).containsExactly(true, false);
            Notification retried = h.notifications(c0).get(0);
            assertThat(retried.state()).isEqualTo(Notification.PENDING);
            assertThat(retried.leaseToken()).isNull();
            assertThat(retried.error()).isEqualTo("Received status code 503");
            Notification stillLeased = h.notifications(c1).get(0);
            assertThat(stillLeased.state()).isEqualTo(Notification.PENDING);
            assertThat(stillLeased.leaseToken()).isNotNull().isNotEqualTo(first.leaseToken());
            assertThat(stillLeased.error()).isEmpty();
            // the channel shows the recorded attempt, not the late sender's
            Channel after =
                    h.app.channels().findById(h.app.database().dsl(), channel.id()).orElseThrow();
            assertThat(after.lastError()).isEqualTo("Received status code 503");
            assertThat(after.disabled()).isFalse();
        }
    }
}
