package io.mychecks.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.Appliance;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.metrics.ServiceMetrics;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Delivery-status callbacks and the notification reads behind them, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryStatusCallbackContract {
    TestDatabase db;
    MutableClock clock;
    Appliance app;
    Fixtures fx;
    NotificationStatusStore store = new NotificationStatusStore();
    DeliveryStatusCallback callback;

    abstract TestDatabase open();

    @BeforeAll
    void start() {
        db = open();
        clock = MutableClock.at("2026-03-01T12:00:00Z");
        app =
                new Appliance(
                        Settings.of(Map.of("SECRET_KEY", "k", "DATA_DIR", "target/unused")),
                        clock,
                        db.database());
        fx = Fixtures.seed(app);
        callback = new DeliveryStatusCallback(db.database(), clock, store);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    Channel channel() {
        return db.database()
                .inTransaction(
                        cfg ->
                                app.channels()
                                        .insert(
                                                cfg.dsl(),
                                                fx.aliceProject.id(),
                                                "sms",
                                                "",
                                                "{}",
                                                true,
                                                clock.instant()));
    }

    SentNotification notification(Channel ch, Duration age) {
        Check check = fx.aliceCheck(b -> b.name = "c");
        return TestNotifications.insert(
                db.database(), check.id(), ch.id(), clock.instant().minus(age));
    }

    SentNotification reload(SentNotification n) {
        return store.findByCode(db.database().dsl(), n.code()).orElseThrow();
    }

    Channel reload(Channel ch) {
        return app.channels().findById(db.database().dsl(), ch.id()).orElseThrow();
    }

    @Test
    void errorIsStoredOnNotificationAndChannel() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        assertThat(callback.apply(n.code(), Map.of("error", "Something went wrong"))).isTrue();
        assertThat(reload(n).error()).isEqualTo("Something went wrong");
        assertThat(reload(ch).lastError()).isEqualTo("Something went wrong");
        assertThat(reload(ch).disabled()).isFalse();
    }

    @Test
    void markDisabledDisablesTheChannel() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        callback.apply(n.code(), Map.of("error", "Gone", "mark_disabled", "1"));
        assertThat(reload(ch).disabled()).isTrue();
        assertThat(reload(ch).lastError()).isEqualTo("Gone");
    }

    @Test
    void longErrorsAreCutTo200Characters() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        callback.apply(n.code(), Map.of("error", "é".repeat(300)));
        assertThat(reload(n).error()).isEqualTo("é".repeat(200));
        assertThat(reload(ch).lastError()).isEqualTo("é".repeat(200));
    }

    @Test
    void twilioFailureBecomesDeliveryFailed() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        callback.apply(n.code(), Map.of("MessageStatus", "undelivered"));
        assertThat(reload(n).error()).isEqualTo("Delivery failed (status=undelivered).");
        assertThat(reload(ch).lastError()).isEqualTo("Delivery failed (status=undelivered).");
    }

    @Test
    void notificationsOlderThanAnHourAreIgnored() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(61));
        assertThat(callback.apply(n.code(), Map.of("error", "late report"))).isFalse();
        assertThat(reload(n).error()).isEmpty();
        assertThat(reload(ch).lastError()).isEmpty();
        SentNotification exactlyAnHour = notification(ch, Duration.ofHours(1));
        assertThat(callback.apply(exactlyAnHour.code(), Map.of("error", "late report"))).isFalse();
    }

    @Test
    void unknownNotificationsAndEmptyReportsChangeNothing() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        assertThat(callback.apply(UUID.randomUUID(), Map.of("error", "x"))).isFalse();
        assertThat(callback.apply(n.code(), Map.of("MessageStatus", "delivered"))).isFalse();
        assertThat(reload(n).error()).isEmpty();
    }

    @Test
    void serviceMetricsCountPingsNotificationsAndFlips() {
        Channel ch = channel();
        SentNotification n = notification(ch, Duration.ofMinutes(5));
        ServiceMetrics m =
                ServiceMetrics.collect(
                        db.database().dsl(), clock.instant(), app.pings(), store, app.flips());
        assertThat(m.ts()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(m.maxNotificationId()).isGreaterThanOrEqualTo(n.id());
        assertThat(m.maxPingId()).isNull();
        assertThat(m.numUnprocessedFlips()).isZero();
    }
}
