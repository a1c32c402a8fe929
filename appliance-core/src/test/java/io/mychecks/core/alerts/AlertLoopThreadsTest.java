package io.mychecks.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mychecks.core.Appliance;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loop as a running thread: several daemons, slow channels, waking on deadlines. */
class AlertLoopThreadsTest {

    @Test
    void twoLoopsOnOnePostgresDatabaseNotifyEachFlipOnce() {
        try (AlertHarness h = new AlertHarness(TestDatabases.postgres())) {
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Check c =
                        h.fx.aliceCheck(
                                b -> {
                                    b.timeout = 60;
                                    b.grace = 60;
                                });
                h.link(c, h.channel("{}"));
                h.ping(c, PingKind.SUCCESS);
                checks.add(c);
            }
            h.clock.advance(Duration.ofMinutes(5));
            Database second = h.db.openAnother();
            RecordingNotifier otherNotifier = new RecordingNotifier();
            Settings settings =
                    Settings.of(
                            Map.of(
                                    "SECRET_KEY",
                                    "k",
                                    "DATA_DIR",
                                    System.getProperty("java.io.tmpdir")));
            Appliance other =
                    new Appliance(
                            settings,
                            h.clock,
                            second,
                            new NotifierRegistry(List.of(otherNotifier)));
            AlertLoop a = h.app.alertLoop();
            AlertLoop b = other.alertLoop();
            a.start();
            b.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        h.notifier.received.size() + otherNotifier.received.size()
                                                >= 40);
                // give a duplicate, if any, the chance to show up
                await().pollDelay(Duration.ofMillis(1500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> true);
            } finally {
                a.stop();
                b.stop();
                second.close();
            }
            List<Alert> all = new ArrayList<>(h.notifier.received);
            all.addAll(otherNotifier.received);
            assertThat(all).hasSize(40);
            Set<Long> checkIds = new HashSet<>();
            all.forEach(x -> checkIds.add(x.check().id()));
            assertThat(checkIds).hasSize(40);
            assertThat(checks)
                    .allSatisfy(c -> assertThat(h.flips(c)).hasSize(2)); // new->up, up->down
        }
    }

    @Test
    void aSlowChannelDelaysNoOtherChannel() {
        try (AlertHarness h = new AlertHarness(TestDatabases.sqlite())) {
            // the slow channel answers only when the test lets it: no race with the wall clock
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            h.notifier.gate = gate;
            Check c = h.fx.aliceCheck(b -> {});
            Channel slow = h.channel("{\"slow\": true}");
            Channel fast = h.channel("{}");
            h.link(c, slow, fast);
            AlertLoop loop = h.app.alertLoop();
            loop.start();
            try {
                h.ping(c, PingKind.FAIL);
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        h.notifier.received.stream()
                                                .anyMatch(x -> x.channel().id() == fast.id()));
                assertThat(h.notifier.received).noneMatch(x -> x.channel().id() == slow.id());
                gate.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> h.notifier.received.size() == 2);
            } finally {
                gate.countDown();
                loop.stop();
            }
        }
    }

    @Test
    void aProjectWithSlowTargetsLeavesThreadsForOtherProjects() {
        try (AlertHarness h = new AlertHarness(TestDatabases.sqlite())) {
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            h.notifier.gate = gate;
            // Alice: eight checks whose channel hangs; Bob: one check with a fast channel
            Channel slow = h.channel("{\"slow\": true}");
            for (int i = 0; i < 8; i++) {
                Check c = h.fx.aliceCheck(b -> {});
                h.link(c, slow);
                h.ping(c, PingKind.FAIL);
            }
            var db = h.app.database();
            Channel bobs =
                    db.inTransaction(
                            cfg ->
                                    h.app.channels()
                                            .insert(
                                                    cfg.dsl(),
                                                    h.fx.bobProject.id(),
                                                    "test",
                                                    "bob",
                                                    "{}",
                                                    true,
                                                    h.clock.instant()));
            Check bob =
                    db.inTransaction(
                            cfg ->
                                    h.app.checks()
                                            .insert(
                                                    cfg.dsl(),
                                                    h.fx.bobProject.id(),
                                                    io.mychecks.core.checks.CheckConfig.defaults(),
                                                    h.clock.instant()));
            h.link(bob, bobs);
            DeliverySender sender = h.app.deliverySender(8);
            try {
                while (h.app.flipDispatcher().dispatchOne(h.clock.instant()) > 0) {
                    // queue Alice's eight deliveries
                }
                int claimed = sender.claimAndSend(h.clock.instant());
                assertThat(claimed).isEqualTo(6); // a quarter of the threads stays free
                assertThat(sender.claimAndSend(h.clock.instant())).isZero();
                h.ping(bob, PingKind.FAIL);
                h.app.flipDispatcher().dispatchOne(h.clock.instant());
                assertThat(sender.claimAndSend(h.clock.instant())).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        h.notifier.received.stream()
                                                .anyMatch(x -> x.channel().id() == bobs.id()));
            } finally {
                gate.countDown();
                sender.shutdown(30);
            }
        }
    }

    @Test
    void aDeliveryQueuedBehindOneThatJustFinishedIsClaimedInTheRoundThatRecordsIt() {
        try (AlertHarness h = new AlertHarness(TestDatabases.sqlite())) {
            Check c = h.fx.aliceCheck(b -> {});
            h.link(c, h.channel("{}"));
            h.ping(c, PingKind.FAIL);
            DeliverySender sender = h.app.deliverySender(4);
            try {
                h.app.flipDispatcher().dispatchOne(h.clock.instant());
                assertThat(sender.claimAndSend(h.clock.instant())).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> !sender.busy());
                // the DOWN was sent, its outcome not yet recorded; the UP queues behind it
                h.ping(c, PingKind.SUCCESS);
                h.app.flipDispatcher().dispatchOne(h.clock.instant());
                assertThat(sender.claimAndSend(h.clock.instant())).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> h.notifier.received.size() == 2);
            } finally {
                sender.shutdown(30);
            }
        }
    }

    @Test
    void theLoopWakesAtTheDeadlineOfALateCheck() {
        try (var db = TestDatabases.sqlite()) {
            RecordingNotifier notifier = new RecordingNotifier();
            Settings settings =
                    Settings.of(
                            Map.of(
                                    "SECRET_KEY",
                                    "k",
                                    "DATA_DIR",
                                    System.getProperty("java.io.tmpdir")));
            Appliance app =
                    new Appliance(
                            settings,
                            Clock.systemUTC(),
                            db.database(),
                            new NotifierRegistry(List.of(notifier)));
            var fx = io.mychecks.core.testing.Fixtures.seed(app);
            // periods under a minute cannot be set through the API; the store takes them for this
            // test
            Check c =
                    fx.aliceCheck(
                            b -> {
                                b.timeout = 1;
                                b.grace = 1;
                            });
            Channel ch =
                    app.database()
                            .inTransaction(
                                    cfg ->
                                            app.channels()
                                                    .insert(
                                                            cfg.dsl(),
                                                            fx.aliceProject.id(),
                                                            "test",
                                                            "t",
                                                            "{}",
                                                            true,
                                                            Instant.now()));
            app.database()
                    .inTransactionRun(
                            cfg -> app.channels().setForCheck(cfg.dsl(), c.id(), List.of(ch.id())));
            AlertLoop loop = app.alertLoop();
            loop.start();
            try {
                app.pingIntake()
                        .record(
                                new io.mychecks.core.pings.PingEvent(
                                        io.mychecks.core.pings.CheckRef.byCode(c.code()),
                                        PingKind.SUCCESS,
                                        null,
                                        null,
                                        null,
                                        "127.0.0.1",
                                        "http",
                                        "GET",
                                        "t",
                                        false,
                                        null,
                                        null));
                Instant deadline = fx.reload(c).state().alertAfter();
                await().atMost(Duration.ofSeconds(6)).until(() -> !notifier.received.isEmpty());
                long lateBy = Duration.between(deadline, Instant.now()).toMillis();
                assertThat(lateBy).isBetween(0L, 1000L);
                assertThat(notifier.received.get(0).status()).isEqualTo(CheckStatus.DOWN);
            } finally {
                loop.stop();
                app.pingIntake().stop();
            }
        }
    }
}
