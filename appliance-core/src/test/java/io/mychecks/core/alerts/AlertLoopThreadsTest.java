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
