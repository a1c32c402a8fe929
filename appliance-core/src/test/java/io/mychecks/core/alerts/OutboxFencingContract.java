package io.mychecks.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.pings.PingKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox is fenced and never stale: only the holder of a delivery's current lease records its
 * result, a check's notifications reach a channel one at a time and in order, and a delivery whose
 * flip was overtaken by a newer flip of the same check is not sent.
 */
interface OutboxFencingContract {
    AlertHarness newHarness();

    @Test
    default void aSenderThatOutranItsLeaseRecordsNothing() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            // sender A claims the delivery, then stalls past its lease
            Notification stale = h.claimDue(10).get(0);
            assertThat(stale.leaseToken()).isNotNull();
            h.clock.advance(DeliverySender.LEASE.plusSeconds(1));
            // sender B (another loop) claims it anew and delivers it
            DeliverySender other = h.app.deliverySender(1);
            assertThat(other.sendDueNow(h.clock.instant())).isEqualTo(1);
            assertThat(h.notifications(c).get(0).state()).isEqualTo(Notification.SENT);

            // A comes back with a failure: none of its results may overwrite B's
            var notes = h.app.notifications();
            var db = h.app.database();
            boolean retried =
                    db.inTransaction(
                            cfg -> notes.markRetry(cfg.dsl(), stale, h.clock.instant(), "late A"));
            boolean failed = db.inTransaction(cfg -> notes.markFailed(cfg.dsl(), stale, "late A"));
            boolean sent =
                    db.inTransaction(cfg -> notes.markSent(cfg.dsl(), stale, h.clock.instant()));
            assertThat(List.of(retried, failed, sent)).containsOnly(false);
            Notification after = h.notifications(c).get(0);
            assertThat(after.state()).isEqualTo(Notification.SENT);
            assertThat(after.error()).isEmpty();
            assertThat(after.attempts()).isEqualTo(2);
        }
    }

    @Test
    default void aChannelGetsACheckNotificationsOneAtATime() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            Notification down = h.claimDue(10).get(0); // in flight
            h.ping(c, PingKind.SUCCESS);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            assertThat(h.notifications(c)).hasSize(2);
            // the UP waits while the DOWN is in flight to the same channel
            assertThat(h.claimDue(10)).isEmpty();
            h.app.database()
                    .inTransaction(
                            cfg ->
                                    h.app.notifications()
                                            .markSent(cfg.dsl(), down, h.clock.instant()));
            assertThat(h.claimDue(10))
                    .extracting(Notification::checkStatus)
                    .containsExactly(CheckStatus.UP);
        }
    }

    @Test
    default void aDownStillInBackoffIsNotSentAfterTheUpThatFollowedIt() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            DeliverySender sender = h.app.deliverySender(1);
            // DOWN: the target fails, the delivery goes into backoff
            h.notifier.answer(Delivery.retry("503 from target"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            // UP: delivered once the target answers again
            h.ping(c, PingKind.SUCCESS);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            assertThat(h.notifier.received)
                    .extracting(a -> a.status())
                    .containsExactly(CheckStatus.DOWN, CheckStatus.UP);

            // the DOWN's retry comes due: it is superseded, not sent
            h.clock.advance(Duration.ofHours(6));
            sender.sendDueNow(h.clock.instant());
            assertThat(h.notifier.received)
                    .extracting(a -> a.status())
                    .containsExactly(CheckStatus.DOWN, CheckStatus.UP);
            assertThat(h.notifications(c))
                    .extracting(Notification::checkStatus, Notification::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    CheckStatus.DOWN, Notification.SUPERSEDED),
                            org.assertj.core.groups.Tuple.tuple(CheckStatus.UP, Notification.SENT));
        }
    }

    @Test
    default void aBurstOfLateChecksIsSweptAndQueuedInBatches() {
        try (AlertHarness h = newHarness()) {
            var channel = h.channel("{}");
            List<Check> made = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                made.add(h.fx.aliceCheck(b -> b.timeout = 60));
            }
            made.forEach(c -> h.link(c, channel));
            // pinged three hours ago with a one-minute period: past period and grace
            java.time.Instant pinged = h.clock.instant().minusSeconds(3 * 3600);
            h.app.database()
                    .dsl()
                    .update(io.mychecks.core.db.schema.Tables.CHECKS)
                    .set(io.mychecks.core.db.schema.Tables.CHECKS.STATUS, "up")
                    .set(io.mychecks.core.db.schema.Tables.CHECKS.LAST_PING, pinged)
                    .set(
                            io.mychecks.core.db.schema.Tables.CHECKS.ALERT_AFTER,
                            h.clock.instant().minusSeconds(60))
                    .where(
                            io.mychecks.core.db.schema.Tables.CHECKS.ID.in(
                                    made.stream().map(Check::id).toList()))
                    .execute();
            h.clock.advance(Duration.ofSeconds(1));
            // two looks flip all 600 (500 a transaction), two more queue their deliveries
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isEqualTo(500);
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isEqualTo(100);
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isZero();
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isEqualTo(500);
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isEqualTo(100);
            assertThat(h.app.deliverySender(8).sendDueNow(h.clock.instant())).isEqualTo(100);
        }
    }
}
