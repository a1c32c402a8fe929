package io.mychecks.core.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ChannelStore on each database (STYLE.md 3.7, tier 2). */
interface ChannelStoreContract {
    Instant T = Instant.parse("2025-06-15T12:00:00.000999999Z");
    Instant T_MS = T.truncatedTo(ChronoUnit.MILLIS);

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default ChannelStore store() {
        return new ChannelStore();
    }

    default Project newProject() {
        Seed seed = new Seed(database());
        return seed.project(seed.user(T), T);
    }

    default Check newCheck(Project project) {
        return database()
                .inTransaction(
                        cfg ->
                                new CheckStore()
                                        .insert(
                                                cfg.dsl(),
                                                project.id(),
                                                CheckConfig.defaults(),
                                                T));
    }

    default Channel insert(Project project, String name) {
        return database()
                .inTransaction(
                        cfg ->
                                store().insert(
                                                cfg.dsl(),
                                                project.id(),
                                                "webhook",
                                                name,
                                                "{\"url_down\": \"http://127.0.0.1/\"}",
                                                false,
                                                T));
    }

    default void delivered(Channel channel, long durationMs, String error, boolean disable) {
        database()
                .inTransactionRun(
                        cfg ->
                                store().recordDelivery(
                                                cfg.dsl(),
                                                channel.id(),
                                                T.plusSeconds(5),
                                                durationMs,
                                                error,
                                                disable));
    }

    default Channel reload(Channel channel) {
        return store().findById(database().dsl(), channel.id()).orElseThrow();
    }

    @Test
    default void insertedChannelReadsBackByIdAndCode() {
        Project project = newProject();
        Channel channel = insert(project, "Ops hook");
        Channel expected =
                new Channel(
                        channel.id(),
                        channel.code(),
                        project.id(),
                        "Ops hook",
                        "webhook",
                        "{\"url_down\": \"http://127.0.0.1/\"}",
                        false,
                        false,
                        T_MS,
                        null,
                        null,
                        "");
        assertThat(channel).isEqualTo(expected);
        assertThat(reload(channel)).isEqualTo(expected);
        assertThat(store().findByCode(database().dsl(), channel.code())).contains(expected);
        assertThat(store().findByCode(database().dsl(), UUID.randomUUID())).isEmpty();
        assertThat(store().listForProject(database().dsl(), project.id()))
                .containsExactly(expected);
    }

    @Test
    default void assignAllLinksEveryChannelOfTheProjectOnce() {
        Project project = newProject();
        Channel a = insert(project, "a");
        Channel b = insert(project, "b");
        insert(newProject(), "someone else's");
        Check check = newCheck(project);
        database().inTransactionRun(cfg -> store().assignAll(cfg.dsl(), project.id(), check.id()));
        database().inTransactionRun(cfg -> store().assignAll(cfg.dsl(), project.id(), check.id()));
        assertThat(store().codesForCheck(database().dsl(), check.id()))
                .containsExactlyInAnyOrder(a.code(), b.code());
    }

    @Test
    default void setForCheckReplacesTheChecksChannels() {
        Project project = newProject();
        Channel a = insert(project, "a");
        Channel b = insert(project, "b");
        Check check = newCheck(project);
        database()
                .inTransactionRun(
                        cfg -> store().setForCheck(cfg.dsl(), check.id(), List.of(a.id(), b.id())));
        database()
                .inTransactionRun(
                        cfg -> store().setForCheck(cfg.dsl(), check.id(), List.of(b.id())));
        assertThat(store().codesForCheck(database().dsl(), check.id())).containsExactly(b.code());
        database().inTransactionRun(cfg -> store().setForCheck(cfg.dsl(), check.id(), List.of()));
        assertThat(store().codesForCheck(database().dsl(), check.id())).isEmpty();
    }

    @Test
    default void enabledForCheckListsFastestFirstUnknownLastAndSkipsDisabled() {
        Project project = newProject();
        Channel slow = insert(project, "slow");
        Channel unknown = insert(project, "unknown");
        Channel fast = insert(project, "fast");
        Channel broken = insert(project, "broken");
        Channel unassigned = insert(project, "unassigned");
        Check check = newCheck(project);
        database()
                .inTransactionRun(
                        cfg ->
                                store().setForCheck(
                                                cfg.dsl(),
                                                check.id(),
                                                List.of(
                                                        slow.id(),
                                                        unknown.id(),
                                                        fast.id(),
                                                        broken.id())));
        delivered(slow, 900, "", false);
        delivered(fast, 20, "", false);
        delivered(broken, 5, "410 Gone", true);
        delivered(unassigned, 1, "", false);
        assertThat(store().enabledForCheck(database().dsl(), check.id()))
                .extracting(Channel::name)
                .containsExactly("fast", "slow", "unknown");
    }

    @Test
    default void recordDeliveryKeepsTimeDurationAndACutError() {
        Channel channel = insert(newProject(), "hook");
        delivered(channel, 1234, "x".repeat(300), false);
        Channel read = reload(channel);
        assertThat(read.lastNotify()).isEqualTo(T_MS.plusSeconds(5));
        assertThat(read.lastNotifyDurationMs()).isEqualTo(1234L);
        assertThat(read.lastError()).hasSize(200);
        assertThat(read.disabled()).isFalse();
        delivered(channel, 10, "", true);
        assertThat(reload(channel).disabled()).isTrue();
        assertThat(reload(channel).lastError()).isEmpty();
    }

    @Test
    default void emailVerificationCanBeSetAndCleared() {
        Channel channel = insert(newProject(), "mail");
        database().inTransactionRun(cfg -> store().setEmailVerified(cfg.dsl(), channel.id(), true));
        assertThat(reload(channel).emailVerified()).isTrue();
        database()
                .inTransactionRun(cfg -> store().setEmailVerified(cfg.dsl(), channel.id(), false));
        assertThat(reload(channel).emailVerified()).isFalse();
    }

    @Test
    default void deletingAChannelUnlinksItFromChecks() {
        Project project = newProject();
        Channel a = insert(project, "a");
        Channel b = insert(project, "b");
        Check check = newCheck(project);
        database().inTransactionRun(cfg -> store().assignAll(cfg.dsl(), project.id(), check.id()));
        assertThat(database().inTransaction(cfg -> store().delete(cfg.dsl(), a.id())).intValue())
                .isEqualTo(1);
        assertThat(store().codesForCheck(database().dsl(), check.id())).containsExactly(b.code());
        assertThat(store().findById(database().dsl(), a.id())).isEmpty();
    }
}
