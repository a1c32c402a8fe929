package io.mychecks.core.prune;

import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static io.mychecks.core.db.schema.Tables.PINGS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.User;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PingPruner and NotificationPruner, on each database, emptied before each test. */
interface PingPrunerContract {
    Instant T0 = Instant.parse("2025-06-15T12:00:00Z");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default Seed seed() {
        return new Seed(database());
    }

    default List<Long> storedPingNumbers(Check check) {
        return database()
                .dsl()
                .select(PINGS.N)
                .from(PINGS)
                .where(PINGS.CHECK_ID.eq(check.id()))
                .orderBy(PINGS.N)
                .fetch(PINGS.N);
    }

    default Check checkOfUserKeeping(int limit) {
        User owner = seed().user(T0);
        seed().pingLogLimit(owner, limit);
        return seed().check(seed().project(owner, T0), T0);
    }

    @Test
    default void keepsTheOwnersPingLogLimitOfMostRecentPings() {
        Check check = checkOfUserKeeping(3);
        seed().pings(check, 1, 10, T0);
        assertThat(new PingPruner(database()).prune()).isEqualTo(7);
        assertThat(storedPingNumbers(check)).containsExactly(8L, 9L, 10L);
        assertThat(new PingPruner(database()).prune()).isZero();
    }

    @Test
    default void leavesTheCheckPingCounterAlone() {
        Check check = checkOfUserKeeping(1);
        seed().pings(check, 1, 5, T0);
        Check counted =
                check.withState(
                        new CheckState(
                                5,
                                T0.plusSeconds(4),
                                null,
                                null,
                                null,
                                false,
                                null,
                                CheckStatus.UP));
        database()
                .inTransactionRun(
                        cfg -> new CheckStore().updateStates(cfg.dsl(), List.of(counted)));
        assertThat(new PingPruner(database()).prune()).isEqualTo(4);
        assertThat(
                        new CheckStore()
                                .findById(database().dsl(), check.id())
                                .orElseThrow()
                                .state()
                                .nPings())
                .isEqualTo(5);
        assertThat(storedPingNumbers(check)).containsExactly(5L);
    }

    @Test
    default void checksWithFewerPingsThanTheLimitKeepAll() {
        Check check = seed().checkOfNewUser(T0);
        seed().pings(check, 1, 100, T0);
        Check empty = seed().checkOfNewUser(T0);
        assertThat(new PingPruner(database()).prune()).isZero();
        assertThat(storedPingNumbers(check)).hasSize(100);
        assertThat(storedPingNumbers(empty)).isEmpty();
    }

    @Test
    default void eachCheckFollowsItsOwnOwnersLimitAcrossSmallBatches() {
        Check a = checkOfUserKeeping(2);
        Check b = checkOfUserKeeping(5);
        Check c = checkOfUserKeeping(1);
        seed().pings(a, 1, 10, T0);
        seed().pings(b, 3, 9, T0);
        seed().pings(c, 1, 1, T0);
        assertThat(new PingPruner(database(), 3).prune()).isEqualTo(8 + 2);
        assertThat(storedPingNumbers(a)).containsExactly(9L, 10L);
        assertThat(storedPingNumbers(b)).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(storedPingNumbers(c)).containsExactly(1L);
    }

    default Channel channel(Check check) {
        return database()
                .inTransaction(
                        cfg ->
                                new ChannelStore()
                                        .insert(
                                                cfg.dsl(),
                                                check.projectId(),
                                                "email",
                                                "",
                                                "{}",
                                                true,
                                                T0));
    }

    default void notification(Check check, Channel channel, Instant created, String state) {
        database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .insertInto(NOTIFICATIONS)
                                        .set(NOTIFICATIONS.CODE, UUID.randomUUID().toString())
                                        .set(NOTIFICATIONS.CHECK_ID, check.id())
                                        .set(NOTIFICATIONS.CHANNEL_ID, channel.id())
                                        .set(NOTIFICATIONS.CHECK_STATUS, "down")
                                        .set(NOTIFICATIONS.FLIP_CREATED, created)
                                        .set(NOTIFICATIONS.CREATED, created)
                                        .set(NOTIFICATIONS.STATE, state)
                                        .set(NOTIFICATIONS.NEXT_ATTEMPT, created)
                                        .execute());
    }

    default List<Instant> notificationTimes(Check check) {
        return database()
                .dsl()
                .select(NOTIFICATIONS.CREATED)
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.CHECK_ID.eq(check.id()))
                .orderBy(NOTIFICATIONS.CREATED)
                .fetch(NOTIFICATIONS.CREATED);
    }

    @Test
    default void deletesNotificationsOlderThanTheChecksOldestStoredPing() {
        Check check = seed().checkOfNewUser(T0);
        Channel channel = channel(check);
        seed().pings(check, 50, 60, T0);
        notification(check, channel, T0.minusSeconds(7200), "sent");
        notification(check, channel, T0.minusSeconds(3600), "failed");
        notification(check, channel, T0, "sent");
        notification(check, channel, T0.plusSeconds(3600), "sent");
        assertThat(new NotificationPruner(database()).prune()).isEqualTo(2);
        assertThat(notificationTimes(check)).containsExactly(T0, T0.plusSeconds(3600));
    }

    @Test
    default void pendingNotificationsAreNeverDeleted() {
        Check check = seed().checkOfNewUser(T0);
        Channel channel = channel(check);
        seed().pings(check, 1, 1, T0);
        notification(check, channel, T0.minusSeconds(86400), "pending");
        assertThat(new NotificationPruner(database()).prune()).isZero();
        assertThat(notificationTimes(check)).hasSize(1);
    }

    @Test
    default void checksWithoutPingsKeepTheirNotifications() {
        Check check = seed().checkOfNewUser(T0);
        notification(check, channel(check), T0.minusSeconds(86400), "sent");
        assertThat(new NotificationPruner(database()).prune()).isZero();
    }

    @Test
    default void eachCheckIsMeasuredAgainstItsOwnPingsAcrossSmallBatches() {
        Check early = seed().checkOfNewUser(T0);
        Check late = seed().checkOfNewUser(T0);
        Channel channel = channel(early);
        seed().pings(early, 1, 1, T0.minusSeconds(10 * 3600));
        seed().pings(late, 1, 1, T0);
        for (int hour = 1; hour <= 5; hour++) {
            notification(early, channel, T0.minusSeconds(hour * 3600L), "sent");
            notification(late, channel, T0.minusSeconds(hour * 3600L), "sent");
        }
        assertThat(new NotificationPruner(database(), 2).prune()).isEqualTo(5);
        assertThat(notificationTimes(early)).hasSize(5);
        assertThat(notificationTimes(late)).isEmpty();
    }
}
