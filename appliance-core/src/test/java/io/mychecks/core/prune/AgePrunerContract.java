package io.mychecks.core.prune;

import static io.mychecks.core.db.schema.Tables.FLIPS;
import static io.mychecks.core.db.schema.Tables.MEMBERS;
import static io.mychecks.core.db.schema.Tables.TOKEN_BUCKETS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UserPruner, TokenBucketPruner and FlipPruner, on each database, emptied before each test. */
interface AgePrunerContract {
    MutableClock CLOCK = MutableClock.at("2025-06-15T12:00:00Z");
    Instant NOW = CLOCK.instant();
    Instant SEVEN_MONTHS_AGO = Instant.parse("2024-11-15T12:00:00Z");
    Instant FIVE_MONTHS_AGO = Instant.parse("2025-01-15T12:00:00Z");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default Seed seed() {
        return new Seed(database());
    }

    default boolean exists(User user) {
        return new UserStore().findById(database().dsl(), user.id()).isPresent();
    }

    @Test
    default void neverLoggedInAccountsOverSixMonthsOldGoWithTheirChecks() {
        User old = seed().user(SEVEN_MONTHS_AGO);
        Check check = seed().check(seed().project(old, SEVEN_MONTHS_AGO), SEVEN_MONTHS_AGO);
        User young = seed().user(FIVE_MONTHS_AGO);
        assertThat(new UserPruner(database(), CLOCK).prune()).isEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(new CheckStore().findById(database().dsl(), check.id())).isEmpty();
        assertThat(exists(young)).isTrue();
    }

    @Test
    default void superusersAndTeamMembersAreKeptThoughTheyNeverLoggedIn() {
        User admin =
                database()
                        .inTransaction(
                                cfg ->
                                        new UserStore()
                                                .insert(
                                                        cfg.dsl(),
                                                        "admin@example.org",
                                                        "",
                                                        true,
                                                        SEVEN_MONTHS_AGO));
        User owner = seed().user(NOW);
        Project team = seed().project(owner, NOW);
        User member = seed().user(SEVEN_MONTHS_AGO);
        database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .insertInto(MEMBERS)
                                        .set(MEMBERS.USER_ID, member.id())
                                        .set(MEMBERS.PROJECT_ID, team.id())
                                        .execute());
        assertThat(new UserPruner(database(), CLOCK).prune()).isZero();
        assertThat(exists(admin)).isTrue();
        assertThat(exists(member)).isTrue();
    }

    @Test
    default void accountsInactiveOverSixMonthsGoOnlyWhenTheyOwnNoChecks() {
        User idleEmpty = seed().user(Instant.parse("2023-01-01T00:00:00Z"));
        seed().project(idleEmpty, Instant.parse("2023-01-01T00:00:00Z"));
        seed().lastLogin(idleEmpty, SEVEN_MONTHS_AGO);
        User idleWithCheck = seed().user(Instant.parse("2023-01-01T00:00:00Z"));
        seed().check(seed().project(idleWithCheck, SEVEN_MONTHS_AGO), SEVEN_MONTHS_AGO);
        seed().lastLogin(idleWithCheck, SEVEN_MONTHS_AGO);
        User recentEmpty = seed().user(Instant.parse("2023-01-01T00:00:00Z"));
        seed().lastLogin(recentEmpty, FIVE_MONTHS_AGO);
        assertThat(new UserPruner(database(), CLOCK).prune()).isEqualTo(1);
        assertThat(exists(idleEmpty)).isFalse();
        assertThat(exists(idleWithCheck)).isTrue();
        assertThat(exists(recentEmpty)).isTrue();
    }

    @Test
    default void usersArePrunedInSmallBatchesToo() {
        for (int i = 0; i < 5; i++) {
            seed().user(SEVEN_MONTHS_AGO);
        }
        assertThat(new UserPruner(database(), CLOCK, 2).prune()).isEqualTo(5);
    }

    default void bucket(String value, Instant updated) {
        database()
                .inTransactionRun(
                        cfg ->
                                cfg.dsl()
                                        .insertInto(TOKEN_BUCKETS)
                                        .set(TOKEN_BUCKETS.VALUE, value)
                                        .set(TOKEN_BUCKETS.TOKENS, 0.5)
                                        .set(TOKEN_BUCKETS.UPDATED, updated)
                                        .execute());
    }

    @Test
    default void tokenBucketsNotUpdatedForADayAreDeleted() {
        for (int i = 0; i < 5; i++) {
            bucket("auth-ip-192.0.2." + i, NOW.minus(Duration.ofHours(25)));
        }
        bucket("em-fresh", NOW.minus(Duration.ofHours(23)));
        assertThat(new TokenBucketPruner(database(), CLOCK, 2).prune()).isEqualTo(5);
        assertThat(
                        database()
                                .dsl()
                                .select(TOKEN_BUCKETS.VALUE)
                                .from(TOKEN_BUCKETS)
                                .fetch(TOKEN_BUCKETS.VALUE))
                .containsExactly("em-fresh");
    }

    default void flip(Check check, Instant created, boolean processed) {
        FlipDraft draft =
                new FlipDraft(check.id(), created, CheckStatus.UP, CheckStatus.DOWN, "timeout");
        database().inTransaction(cfg -> new FlipStore().insert(cfg.dsl(), draft, processed));
    }

    @Test
    default void processedFlipsOlderThanThreeMonthsAreDeleted() {
        Check check = seed().checkOfNewUser(SEVEN_MONTHS_AGO);
        for (int i = 0; i < 5; i++) {
            flip(check, NOW.minus(Duration.ofDays(100 + i)), true);
        }
        flip(check, NOW.minus(Duration.ofDays(120)), false);
        flip(check, NOW.minus(Duration.ofDays(80)), true);
        assertThat(new FlipPruner(database(), CLOCK, 2).prune()).isEqualTo(5);
        List<Instant> left =
                database()
                        .dsl()
                        .select(FLIPS.CREATED)
                        .from(FLIPS)
                        .orderBy(FLIPS.CREATED)
                        .fetch(FLIPS.CREATED);
        assertThat(left)
                .containsExactly(NOW.minus(Duration.ofDays(120)), NOW.minus(Duration.ofDays(80)));
    }
}
