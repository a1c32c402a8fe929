package io.mychecks.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.ConfigField;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.notify.NotifierFactory;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.SettingType;
import io.mychecks.core.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The alert loop's steps, run on each database by the implementing classes. */
interface AlertLoopContract {
    AlertHarness newHarness();

    AlertHarness newHarness(NotifierRegistry registry);

    /** The harness channels' kind, {@code test}, switched off by TESTKIND_ENABLED (default off). */
    final class SwitchedOffKind implements NotifierFactory {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public String label() {
            return "Test";
        }

        @Override
        public List<ConfigField> fields() {
            return List.of();
        }

        @Override
        public List<SettingKey> settingKeys() {
            return List.of(
                    new SettingKey("TESTKIND_ENABLED", SettingType.BOOLEAN, "False", false, ""));
        }

        @Override
        public Optional<String> enabledBy() {
            return Optional.of("TESTKIND_ENABLED");
        }

        @Override
        public Notifier create(Settings settings, java.time.Clock clock) {
            throw new AssertionError("a switched-off kind is never built");
        }
    }

    @Test
    default void channelsOfASwitchedOffKindGetAClearFailureAndNoDelivery() {
        NotifierRegistry off =
                NotifierRegistry.of(
                        List.of(new SwitchedOffKind()),
                        Settings.of(Map.of()),
                        java.time.Clock.systemUTC());
        try (AlertHarness h = newHarness(off)) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            assertThat(h.app.deliverySender(1).sendDueNow(h.clock.instant())).isZero();
            Notification n = h.notifications(c).get(0);
            assertThat(n.state()).isEqualTo(Notification.FAILED);
            assertThat(n.error())
                    .isEqualTo("Integration kind 'test' is switched off (TESTKIND_ENABLED=False)");
        }
    }

    @Test
    default void sweepMarksAnOverdueCheckDownOnceWithATimeoutFlip() {
        try (AlertHarness h = newHarness()) {
            Check c =
                    h.fx.aliceCheck(
                            b -> {
                                b.timeout = 60;
                                b.grace = 60;
                            });
            h.ping(c, PingKind.SUCCESS);
            java.time.Instant pinged = h.clock.instant();
            h.clock.advance(Duration.ofSeconds(119));
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isZero();
            assertThat(h.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
            h.clock.advance(Duration.ofSeconds(2));
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isEqualTo(1);
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isZero();
            Check after = h.fx.reload(c);
            assertThat(after.state().status()).isEqualTo(CheckStatus.DOWN);
            assertThat(after.state().alertAfter()).isNull();
            assertThat(h.flips(c))
                    .first()
                    .satisfies(
                            f -> {
                                assertThat(f.newStatus()).isEqualTo(CheckStatus.DOWN);
                                assertThat(f.reason()).isEqualTo("timeout");
                                assertThat(f.created()).isEqualTo(pinged.plusSeconds(120));
                                assertThat(f.processed()).isNull();
                            });
        }
    }

    @Test
    default void aPingThatLandsAfterTheLookWinsOverTheSweep() {
        try (AlertHarness h = newHarness()) {
            Check c =
                    h.fx.aliceCheck(
                            b -> {
                                b.timeout = 60;
                                b.grace = 60;
                            });
            h.ping(c, PingKind.SUCCESS);
            h.clock.advance(Duration.ofSeconds(200));
            Check seen = h.fx.reload(c);
            h.ping(c, PingKind.SUCCESS);
            boolean won =
                    h.app.database().inTransaction(cfg -> h.app.checks().markDown(cfg.dsl(), seen));
            assertThat(won).isFalse();
            assertThat(h.fx.reload(c).state().status()).isEqualTo(CheckStatus.UP);
        }
    }

    @Test
    default void aRunThatOverrunsGraceGoesDownEvenOnANewCheck() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> b.grace = 300);
            h.ping(c, PingKind.START);
            h.clock.advance(Duration.ofSeconds(301));
            assertThat(h.app.goingDownSweep().sweepOne(h.clock.instant())).isEqualTo(1);
            assertThat(h.flips(c).get(0).oldStatus()).isEqualTo(CheckStatus.NEW);
        }
    }

    @Test
    default void eachFlipIsQueuedOncePerInterestedChannel() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> b.name = "db backup");
            Channel all = h.channel("{}");
            Channel downOnly = h.channel("{\"down_only\": true}");
            h.link(c, all, downOnly);
            h.ping(c, PingKind.SUCCESS); // new -> up: nobody is told
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isZero();
            h.ping(c, PingKind.FAIL);
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isEqualTo(2);
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isZero();
            assertThat(h.app.deliverySender(2).sendDueNow(h.clock.instant())).isEqualTo(2);
            h.clock.advance(Duration.ofMinutes(5));
            h.ping(c, PingKind.SUCCESS);
            assertThat(h.app.flipDispatcher().dispatchOne(h.clock.instant())).isEqualTo(1);
            assertThat(h.app.deliverySender(2).sendDueNow(h.clock.instant())).isEqualTo(1);
            assertThat(h.notifier.received)
                    .extracting(a -> a.status())
                    .containsExactlyInAnyOrder(CheckStatus.DOWN, CheckStatus.DOWN, CheckStatus.UP);
            assertThat(h.notifier.received)
                    .allSatisfy(a -> assertThat(a.check().config().name()).isEqualTo("db backup"));
            assertThat(h.notifier.received)
                    .filteredOn(a -> a.status() == CheckStatus.UP)
                    .singleElement()
                    .satisfies(a -> assertThat(a.downtime()).isEqualTo(Duration.ofMinutes(5)));
        }
    }

    @Test
    default void aDeliveryThatFailsTwiceIsRetriedWithBackoffAndThenDelivered() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.notifier.answer(
                    Delivery.retry("Received status code 500"),
                    Delivery.retry("Connection timed out"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            DeliverySender sender = h.app.deliverySender(1);
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            assertThat(sender.sendDueNow(h.clock.instant())).isZero(); // not due yet
            assertThat(h.notifications(c).get(0).error()).isEqualTo("Received status code 500");
            h.clock.advance(Duration.ofSeconds(10));
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            h.clock.advance(Duration.ofSeconds(30));
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            Notification n = h.notifications(c).get(0);
            assertThat(n.state()).isEqualTo(Notification.SENT);
            assertThat(n.attempts()).isEqualTo(3);
            assertThat(h.notifier.received).hasSize(3);
        }
    }

    @Test
    default void aRetryAfterLongerThanTheBackoffIsHonouredAndAShorterOneIsNot() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.notifier.answer(
                    // the first backoff is 10 s: the target asks for 2 minutes
                    Delivery.retry("Received status code 429", Duration.ofMinutes(2)),
                    // the second backoff is 30 s: a 5 s Retry-After does not shorten it
                    Delivery.retry("Received status code 503", Duration.ofSeconds(5)));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            DeliverySender sender = h.app.deliverySender(1);
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            h.clock.advance(Duration.ofSeconds(119));
            assertThat(sender.sendDueNow(h.clock.instant())).isZero();
            h.clock.advance(Duration.ofSeconds(1));
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            h.clock.advance(Duration.ofSeconds(29));
            assertThat(sender.sendDueNow(h.clock.instant())).isZero();
            h.clock.advance(Duration.ofSeconds(1));
            assertThat(sender.sendDueNow(h.clock.instant())).isEqualTo(1);
            Notification n = h.notifications(c).get(0);
            assertThat(n.state()).isEqualTo(Notification.SENT);
            assertThat(h.notifier.received).hasSize(3);
        }
    }

    @Test
    default void aDeliveryInterruptedByACrashIsSentAfterItsLeaseRunsOut() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            // a sender claims the delivery and dies before sending it
            var claimed =
                    h.app.database()
                            .inTransaction(
                                    cfg ->
                                            h.app.notifications()
                                                    .claimDue(
                                                            cfg.dsl(),
                                                            h.clock.instant(),
                                                            h.clock
                                                                    .instant()
                                                                    .plus(DeliverySender.LEASE),
                                                            10));
            assertThat(claimed).hasSize(1);
            DeliverySender restarted = h.app.deliverySender(1);
            assertThat(restarted.sendDueNow(h.clock.instant())).isZero();
            h.clock.advance(DeliverySender.LEASE.plusSeconds(1));
            assertThat(restarted.sendDueNow(h.clock.instant())).isEqualTo(1);
            assertThat(h.notifications(c).get(0).state()).isEqualTo(Notification.SENT);
            assertThat(h.notifier.received).hasSize(1);
        }
    }

    @Test
    default void aPermanentErrorDisablesTheChannel() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            Channel ch = h.channel("{}");
            h.link(c, ch);
            h.notifier.answer(Delivery.permanent("gone"));
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            h.app.deliverySender(1).sendDueNow(h.clock.instant());
            var after = h.app.channels().findById(h.app.database().dsl(), ch.id()).orElseThrow();
            assertThat(after.disabled()).isTrue();
            assertThat(after.lastError()).isEqualTo("gone");
            assertThat(h.notifications(c).get(0).state()).isEqualTo(Notification.FAILED);
        }
    }

    @Test
    default void aTransientErrorIsGivenUpAfterTheLastAttempt() {
        try (AlertHarness h = newHarness()) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            Delivery[] fails = new Delivery[Backoff.maxAttempts()];
            java.util.Arrays.fill(fails, Delivery.retry("Connection failed"));
            h.notifier.answer(fails);
            h.ping(c, PingKind.FAIL);
            h.app.flipDispatcher().dispatchOne(h.clock.instant());
            DeliverySender sender = h.app.deliverySender(1);
            for (int i = 0; i < Backoff.maxAttempts(); i++) {
                sender.sendDueNow(h.clock.instant());
                h.clock.advance(Duration.ofMinutes(31));
            }
            Notification n = h.notifications(c).get(0);
            assertThat(n.state()).isEqualTo(Notification.FAILED);
            assertThat(n.error()).contains("gave up after " + Backoff.maxAttempts());
            assertThat(h.notifier.received).hasSize(Backoff.maxAttempts());
        }
    }
}
