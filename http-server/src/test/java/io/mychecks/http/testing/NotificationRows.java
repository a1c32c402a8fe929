package io.mychecks.http.testing;

import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.notify.NotificationStatusStore;
import io.mychecks.core.notify.SentNotification;
import io.mychecks.core.notify.TestNotifications;
import java.time.Duration;

/** Channels and sent notifications in Alice's project, and their stored state, for tests. */
public final class NotificationRows {
    private final TestApp t;

    public NotificationRows(TestApp t) {
        this.t = t;
    }

    public Channel channel(String kind, String config) {
        return channel(kind, "", config);
    }

    public Channel channel(String kind, String name, String config) {
        return t.app.database()
                .inTransaction(
                        cfg ->
                                t.app.channels()
                                        .insert(
                                                cfg.dsl(),
                                                t.fx.aliceProject.id(),
                                                kind,
                                                name,
                                                config,
                                                true,
                                                t.clock.instant()));
    }

    /** A notification through {@code ch}, sent {@code age} ago. */
    public SentNotification notification(Channel ch, Duration age) {
        Check c = t.fx.aliceCheck(b -> b.name = "notified");
        return TestNotifications.insert(
                t.app.database(), c.id(), ch.id(), t.clock.instant().minus(age));
    }

    public SentNotification reload(SentNotification n) {
        return new NotificationStatusStore()
                .findByCode(t.app.database().dsl(), n.code())
                .orElseThrow();
    }

    public Channel reload(Channel ch) {
        return t.app.channels().findById(t.app.database().dsl(), ch.id()).orElseThrow();
    }
}
