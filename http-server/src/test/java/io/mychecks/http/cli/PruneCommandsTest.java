package io.mychecks.http.cli;

import static io.mychecks.core.db.schema.Tables.NOTIFICATIONS;
import static io.mychecks.core.db.schema.Tables.TOKEN_BUCKETS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.User;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.settings.SettingsLoader;
import io.mychecks.core.testing.Seed;
import io.mychecks.http.cli.CliRun.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prune commands print {@code Pruned N <what>} and exit 0. The rules themselves are tested on
 * both databases in appliance-core; here the daemon's SQLite file is used.
 */
class PruneCommandsTest {
    @TempDir Path tmp;
    CliRun cli;
    Instant now;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp);
        now = Instant.now();
    }

    /** Writes rows into the database the commands will open, then closes it. */
    void given(Consumer<Appliance> seeding) {
        try (Appliance app = Appliance.open(SettingsLoader.load(cli.env))) {
            seeding.accept(app);
        }
    }

    void assertPrints(String command, String first, String second) {
        Result r = cli.run(command);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(first);
        assertThat(r.err()).isEmpty();
        assertThat(cli.run(command).out().strip()).isEqualTo(second);
    }

    @Test
    void prunepingsKeepsTheHundredMostRecentPings() {
        given(
                app -> {
                    Check check = new Seed(app.database()).checkOfNewUser(now);
                    new Seed(app.database()).pings(check, 1, 103, now);
                });
        assertPrints("prunepings", "Pruned 3 pings", "Pruned 0 pings");
    }

    @Test
    void prunenotificationsDeletesRecordsOlderThanTheOldestPing() {
        given(
                app -> {
                    Seed seed = new Seed(app.database());
                    Check check = seed.checkOfNewUser(now);
                    seed.pings(check, 1, 1, now);
                    Channel channel =
                            app.database()
                                    .inTransaction(
                                            cfg ->
                                                    app.channels()
                                                            .insert(
                                                                    cfg.dsl(),
                                                                    check.projectId(),
                                                                    "email",
                                                                    "",
                                                                    "{}",
                                                                    true,
                                                                    now));
                    app.database()
                            .inTransactionRun(
                                    cfg ->
                                            cfg.dsl()
                                                    .insertInto(NOTIFICATIONS)
                                                    .set(
                                                            NOTIFICATIONS.CODE,
                                                            UUID.randomUUID().toString())
                                                    .set(NOTIFICATIONS.CHECK_ID, check.id())
                                                    .set(NOTIFICATIONS.CHANNEL_ID, channel.id())
                                                    .set(NOTIFICATIONS.CHECK_STATUS, "down")
                                                    .set(NOTIFICATIONS.FLIP_CREATED, now)
                                                    .set(
                                                            NOTIFICATIONS.CREATED,
                                                            now.minusSeconds(60))
                                                    .set(NOTIFICATIONS.STATE, "sent")
                                                    .set(NOTIFICATIONS.NEXT_ATTEMPT, now)
                                                    .execute());
                });
        assertPrints("prunenotifications", "Pruned 1 notifications", "Pruned 0 notifications");
    }

    @Test
    void pruneusersDeletesAccountsThatNeverLoggedIn() {
        given(
                app -> {
                    Seed seed = new Seed(app.database());
                    seed.user(now.minus(Duration.ofDays(200)));
                    User active = seed.user(now.minus(Duration.ofDays(200)));
                    seed.lastLogin(active, now);
                });
        assertPrints("pruneusers", "Pruned 1 users", "Pruned 0 users");
    }

    @Test
    void prunetokenbucketDeletesDayOldEntries() {
        given(
                app ->
                        app.database()
                                .inTransactionRun(
                                        cfg ->
                                                cfg.dsl()
                                                        .insertInto(TOKEN_BUCKETS)
                                                        .set(
                                                                TOKEN_BUCKETS.VALUE,
                                                                "auth-ip-192.0.2.1")
                                                        .set(TOKEN_BUCKETS.TOKENS, 1.0)
                                                        .set(
                                                                TOKEN_BUCKETS.UPDATED,
                                                                now.minus(Duration.ofDays(2)))
                                                        .execute()));
        assertPrints(
                "prunetokenbucket",
                "Pruned 1 token bucket entries",
                "Pruned 0 token bucket entries");
    }

    @Test
    void pruneflipsDeletesProcessedFlipsOlderThanThreeMonths() {
        given(
                app -> {
                    Check check = new Seed(app.database()).checkOfNewUser(now);
                    FlipDraft old =
                            new FlipDraft(
                                    check.id(),
                                    now.minus(Duration.ofDays(100)),
                                    CheckStatus.UP,
                                    CheckStatus.DOWN,
                                    "timeout");
                    FlipDraft recent =
                            new FlipDraft(
                                    check.id(),
                                    now.minus(Duration.ofDays(10)),
                                    CheckStatus.UP,
                                    CheckStatus.DOWN,
                                    "timeout");
                    app.database()
                            .inTransactionRun(
                                    cfg -> {
                                        app.flips().insert(cfg.dsl(), old, true);
                                        app.flips().insert(cfg.dsl(), recent, true);
                                    });
                });
        assertPrints("pruneflips", "Pruned 1 flips", "Pruned 0 flips");
    }

    @Test
    void pruneCommandsWorkOnAFreshDataDirectory() {
        assertPrints("prunepings", "Pruned 0 pings", "Pruned 0 pings");
    }
}
