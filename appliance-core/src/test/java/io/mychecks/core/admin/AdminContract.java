package io.mychecks.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.PasswordLogIn;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.core.db.Database;
import io.mychecks.core.heartbeat.Heartbeats;
import io.mychecks.core.prune.PingPruner;
import io.mychecks.core.prune.PruneMonitor;
import io.mychecks.core.prune.PruneTask;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's services over core, on each database, emptied before each test. */
interface AdminContract {
    Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default Seed seed() {
        return new Seed(database());
    }

    default Appliance app(MutableClock clock) {
        return new Appliance(
                Settings.of(Map.of("SECRET_KEY", "k", "DATA_DIR", "target/unused")),
                clock,
                database());
    }

    default Appliance app() {
        return app(MutableClock.at("2026-03-01T12:00:00Z"));
    }

    @Test
    default void usersAreListedWithTheirProjectsAndLastLogin() {
        User alice = app().userAdmin().createSuperuser("alice@example.org", "password123");
        User bob = seed().user(T0);
        seed().project(bob, T0);
        seed().project(bob, T0);
        seed().lastLogin(bob, T0.plusSeconds(60));
        List<UserRow> rows = app().userAdmin().list();
        assertThat(rows)
                .extracting(UserRow::email)
                .containsExactly("alice@example.org", bob.email());
        assertThat(rows.get(0).superuser()).isTrue();
        assertThat(rows.get(0).projects()).isEqualTo(1);
        assertThat(rows.get(1).projects()).isEqualTo(2);
        assertThat(rows.get(1).lastLogin()).isEqualTo(T0.plusSeconds(60));
        assertThat(rows.get(0).id()).isEqualTo(alice.id());
    }

    @Test
    default void theLastActiveSuperuserCannotBeDemotedOrDisabled() {
        UserAdmin admin = app().userAdmin();
        User alice = admin.createSuperuser("alice@example.org", "password123");
        assertThatThrownBy(() -> admin.demote(alice.id()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last active superuser");
        assertThatThrownBy(() -> admin.disable(alice.id()))
                .hasMessageContaining("last active superuser");
        User bob = admin.createSuperuser("bob@example.org", "password123");
        admin.demote(alice.id());
        assertThat(admin.list())
                .filteredOn(u -> u.id() == alice.id())
                .singleElement()
                .matches(u -> !u.superuser());
        admin.promote(alice.id());
        admin.disable(bob.id());
        assertThat(admin.list())
                .filteredOn(u -> u.id() == bob.id())
                .singleElement()
                .matches(u -> !u.active());
    }

    @Test
    default void aDisabledUserCannotLogInUntilEnabledAgain() {
        Appliance app = app();
        UserAdmin admin = app.userAdmin();
        admin.createSuperuser("root@example.org", "password123");
        User bob = admin.createSuperuser("bob@example.org", "password123");
        admin.demote(bob.id());
        admin.disable(bob.id());
        assertThat(app.passwordLogIn().logIn("bob@example.org", "password123").outcome())
                .isEqualTo(PasswordLogIn.Outcome.DISABLED);
        assertThat(app.passwordLogIn().logIn("bob@example.org", "wrong-password").outcome())
                .isEqualTo(PasswordLogIn.Outcome.WRONG);
        admin.enable(bob.id());
        assertThat(app.passwordLogIn().logIn("bob@example.org", "password123").outcome())
                .isEqualTo(PasswordLogIn.Outcome.OK);
    }

    @Test
    default void aResetPasswordReplacesTheOldOneAndEndsSessions() {
        Appliance app = app();
        User bob = app.userAdmin().createSuperuser("bob@example.org", "password123");
        var session = app.passwordLogIn().logIn("bob@example.org", "password123").session();
        assertThat(app.loginSessions().find(session.token())).isPresent();
        assertThatThrownBy(() -> app.userAdmin().resetPassword(bob.id(), "short"))
                .hasMessageContaining("at least 8");
        app.userAdmin().resetPassword(bob.id(), "new-password-1");
        assertThat(app.loginSessions().find(session.token())).isEmpty();
        assertThat(app.passwordLogIn().logIn("bob@example.org", "password123").outcome())
                .isEqualTo(PasswordLogIn.Outcome.WRONG);
        assertThat(app.passwordLogIn().logIn("bob@example.org", "new-password-1").outcome())
                .isEqualTo(PasswordLogIn.Outcome.OK);
    }

    @Test
    default void actionsOnAnUnknownUserSaySo() {
        UserAdmin admin = app().userAdmin();
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable action :
                List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                        () -> admin.promote(999_999),
                        () -> admin.demote(999_999),
                        () -> admin.disable(999_999),
                        () -> admin.enable(999_999),
                        () -> admin.resetPassword(999_999, "long-enough-1"))) {
            assertThatThrownBy(action)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("there is no user #999999");
        }
    }

    @Test
    default void statusCountsChecksDownChecksAndRecentPings() {
        Check a = seed().checkOfNewUser(T0);
        seed().checkOfNewUser(T0);
        seed().pings(a, 1, 3, T0.minus(Duration.ofHours(2)));
        seed().pings(a, 4, 5, T0.minus(Duration.ofMinutes(10)));
        database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "update checks set status = 'down' where id = "
                                                        + a.id()));
        StatusCounts c = app().statusService().snapshot().counts();
        assertThat(c.checks()).isEqualTo(2);
        assertThat(c.downChecks()).isEqualTo(1);
        assertThat(c.pingsLastHour()).isEqualTo(2);
        assertThat(c.notificationsPending()).isZero();
        assertThat(c.lastAlertSent()).isNull();
    }

    @Test
    default void pingsOfTheLastHourAreCountedWhateverTheirSpread() {
        AdminStore store = new AdminStore();
        Instant since = T0.minus(Duration.ofHours(1));
        assertThat(store.pingsSince(database().dsl(), since)).isZero();
        Check a = seed().checkOfNewUser(T0);
        Check b = seed().checkOfNewUser(T0);
        seed().pings(a, 1, 37, T0.minus(Duration.ofHours(3)));
        assertThat(store.pingsSince(database().dsl(), since)).isZero();
        seed().pings(b, 1, 5, since.minusSeconds(2)); // 2 before, 3 at or after
        seed().pings(a, 38, 60, T0.minus(Duration.ofMinutes(5)));
        assertThat(store.pingsSince(database().dsl(), since)).isEqualTo(3 + 23);
        // pruned pings leave gaps in the numbering
        database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .execute(
                                                "delete from pings where check_id = "
                                                        + a.id()
                                                        + " and n % 2 = 0"));
        assertThat(store.pingsSince(database().dsl(), since))
                .isEqualTo(3 + 11); // the odd ones of 38..60
        assertThat(store.pingsSince(database().dsl(), T0.minus(Duration.ofDays(1))))
                .isEqualTo(5 + 30);
    }

    @Test
    default void theAlertLoopsHeartbeatShowsItsAge() {
        MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
        Heartbeats beats = new Heartbeats(database(), clock);
        assertThat(beats.latest(Heartbeats.ALERT_LOOP)).isEmpty();
        Instant first = beats.maybeBeat(Heartbeats.ALERT_LOOP, clock.instant(), null);
        clock.advance(Duration.ofSeconds(5));
        // within the interval: no write, the same beat is kept
        assertThat(beats.maybeBeat(Heartbeats.ALERT_LOOP, first, first)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(10));
        Instant second = beats.maybeBeat(Heartbeats.ALERT_LOOP, first, first);
        assertThat(second).isEqualTo(clock.instant());
        var latest = app(clock).statusService().snapshot().alertLoop().orElseThrow();
        assertThat(latest.beat()).isEqualTo(second);
        assertThat(latest.started()).isEqualTo(first);
        assertThat(latest.alive(clock.instant())).isTrue();
        assertThat(latest.alive(clock.instant().plusSeconds(31))).isFalse();
    }

    @Test
    default void theRunningAlertLoopWritesItsHeartbeat() {
        Appliance app = app(MutableClock.at("2026-03-01T12:00:00Z"));
        app.alertLoop().start();
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> app.heartbeats().latest(Heartbeats.ALERT_LOOP).isPresent());
        } finally {
            app.alertLoop().stop();
        }
        assertThat(app.heartbeats().latest(Heartbeats.ALERT_LOOP).orElseThrow().beat())
                .isEqualTo(T0);
    }

    @Test
    default void everyPruneTaskPreviewsWhatItThenDeletes() {
        MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
        User owner = seed().user(T0);
        seed().pingLogLimit(owner, 2);
        Check check = seed().check(seed().project(owner, T0), T0);
        seed().pings(check, 1, 9, T0);
        for (PruneTask task : app(clock).pruneTasks()) {
            long preview = task.pruner().preview();
            assertThat(task.pruner().prune()).as(task.command()).isEqualTo(preview);
            assertThat(task.pruner().preview()).as(task.command()).isZero();
        }
    }

    @Test
    default void aPruneReportsProgressAndStopsWhenCancelled() {
        User owner = seed().user(T0);
        seed().pingLogLimit(owner, 0);
        Check check = seed().check(seed().project(owner, T0), T0);
        seed().pings(check, 1, 10, T0);
        PingPruner pruner = new PingPruner(database(), 2);
        assertThat(pruner.preview()).isEqualTo(10);
        List<Long> reported = new ArrayList<>();
        long deleted =
                pruner.prune(
                        new PruneMonitor() {
                            @Override
                            public void deleted(long soFar) {
                                reported.add(soFar);
                            }

                            @Override
                            public boolean cancelled() {
                                return reported.size() >= 2;
                            }
                        });
        assertThat(deleted).isEqualTo(4);
        assertThat(reported).containsExactly(2L, 4L);
        assertThat(pruner.preview()).isEqualTo(6);
    }

    @Test
    default void vacuumReportsTheSizeBeforeAndAfter() {
        DatabaseCare care = app().databaseCare();
        DatabaseCare.VacuumResult r = care.vacuum();
        assertThat(r.before()).isPositive();
        assertThat(r.after()).isPositive();
    }
}
