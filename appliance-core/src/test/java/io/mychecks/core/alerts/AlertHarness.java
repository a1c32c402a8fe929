package io.mychecks.core.alerts;

import io.mychecks.core.Appliance;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.pings.CheckRef;
import io.mychecks.core.pings.PingEvent;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.pings.PingResult;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;

/** An appliance over a test database with the recording notifier and a hand-moved clock. */
final class AlertHarness implements AutoCloseable {
    final TestDatabase db;
    final MutableClock clock = MutableClock.at("2026-03-27T10:00:00Z");
    final RecordingNotifier notifier = new RecordingNotifier();
    final Appliance app;
    final Fixtures fx;

    AlertHarness(TestDatabase db) {
        this(db, null);
    }

    /** A harness whose notifiers come from {@code registry} (null: the recording notifier). */
    AlertHarness(TestDatabase db, NotifierRegistry registry) {
        this.db = db;
        Settings settings =
                Settings.of(
                        Map.of(
                                "SECRET_KEY",
                                "k",
                                "DATA_DIR",
                                System.getProperty("java.io.tmpdir")));
        this.app =
                new Appliance(
                        settings,
                        clock,
                        db.database(),
                        registry != null ? registry : new NotifierRegistry(List.of(notifier)));
        this.fx = Fixtures.seed(app);
    }

    Channel channel(String config) {
        return app.database()
                .inTransaction(
                        cfg ->
                                app.channels()
                                        .insert(
                                                cfg.dsl(),
                                                fx.aliceProject.id(),
                                                "test",
                                                "t",
                                                config,
                                                true,
                                                clock.instant()));
    }

    void link(Check check, Channel... channels) {
        app.database()
                .inTransactionRun(
                        cfg ->
                                app.channels()
                                        .setForCheck(
                                                cfg.dsl(),
                                                check.id(),
                                                java.util.Arrays.stream(channels)
                                                        .map(Channel::id)
                                                        .toList()));
    }

    PingResult ping(Check check, PingKind kind) {
        return app.pingIntake()
                .record(
                        new PingEvent(
                                CheckRef.byCode(check.code()),
                                kind,
                                null,
                                null,
                                null,
                                "127.0.0.1",
                                "http",
                                "GET",
                                "test",
                                false,
                                null,
                                null));
    }

    List<Flip> flips(Check check) {
        return app.flips().forCheck(app.database().dsl(), check.id(), null, null);
    }

    /** Claims up to {@code limit} due deliveries with a fresh lease, as a sender does. */
    List<Notification> claimDue(int limit) {
        return app.database()
                .inTransaction(
                        cfg ->
                                app.notifications()
                                        .claimDue(
                                                cfg.dsl(),
                                                clock.instant(),
                                                clock.instant().plus(DeliverySender.LEASE),
                                                limit));
    }

    List<Notification> notifications(Check check) {
        return app.notifications().forCheck(app.database().dsl(), check.id());
    }

    @Override
    public void close() {
        app.pingIntake().stop();
        db.close();
    }
}
