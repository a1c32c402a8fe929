package io.mychecks.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CheckStore on each database (STYLE.md 3.7, tier 2). */
interface CheckStoreContract {
    /** A time with nanoseconds: the database keeps milliseconds. */
    Instant T = Instant.parse("2025-06-15T12:00:00.123456789Z");

    Instant T_MS = T.truncatedTo(ChronoUnit.MILLIS);

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default CheckStore store() {
        return new CheckStore();
    }

    default Check newCheck() {
        return new Seed(database()).checkOfNewUser(T);
    }

    default Check reload(Check c) {
        return store().findById(database().dsl(), c.id()).orElseThrow();
    }

    default CheckState state(long nPings, CheckStatus status, Instant alertAfter) {
        return new CheckState(nPings, T_MS, null, null, null, false, alertAfter, status);
    }

    default void save(Check... checks) {
        database().inTransactionRun(cfg -> store().updateStates(cfg.dsl(), List.of(checks)));
    }

    default boolean markDown(Check seen) {
        return database().inTransaction(cfg -> store().markDown(cfg.dsl(), seen));
    }

    default boolean moveAlertAfter(Check seen, Instant alertAfter) {
        return database().inTransaction(cfg -> store().moveAlertAfter(cfg.dsl(), seen, alertAfter));
    }

    default int delete(Check check) {
        return database().inTransaction(cfg -> store().delete(cfg.dsl(), check.id()));
    }

    @Test
    default void insertedCheckReadsBackWithEveryFieldAtMillisecondPrecision() {
        Project project = new Seed(database()).project(new Seed(database()).user(T), T);
        CheckConfig config =
                new CheckConfig(
                        "Backups",
                        "backups",
                        "prod db",
                        "Nightly dump",
                        "cron",
                        3600,
                        300,
                        "5 4 * * sun",
                        "Europe/Riga",
                        true,
                        true,
                        true,
                        true,
                        "begin",
                        "ok",
                        "ERROR",
                        "POST",
                        true);
        Check inserted =
                database().inTransaction(cfg -> store().insert(cfg.dsl(), project.id(), config, T));
        assertThat(inserted.created()).isEqualTo(T_MS);
        assertThat(inserted.state()).isEqualTo(CheckState.fresh());
        assertThat(store().findByCode(database().dsl(), inserted.code())).contains(inserted);

        CheckState full =
                new CheckState(
                        7,
                        T.plusSeconds(1),
                        T.plusSeconds(2),
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        1234L,
                        true,
                        T.plusSeconds(3),
                        CheckStatus.UP);
        database().inTransactionRun(cfg -> store().update(cfg.dsl(), inserted.withState(full)));
        Check read = reload(inserted);
        assertThat(read.config()).isEqualTo(config);
        assertThat(read.projectId()).isEqualTo(project.id());
        assertThat(read.badgeKey()).isEqualTo(inserted.badgeKey()).isNotBlank();
        assertThat(read.state())
                .isEqualTo(
                        new CheckState(
                                7,
                                T_MS.plusSeconds(1),
                                T_MS.plusSeconds(2),
                                "0f8fad5b-d9cb-469f-a165-70867728950e",
                                1234L,
                                true,
                                T_MS.plusSeconds(3),
                                CheckStatus.UP));
    }

    @Test
    default void eachFlagAndEachNullableNumberReadsBackOnItsOwnByEveryQuery() {
        Project project = new Seed(database()).project(new Seed(database()).user(T), T);
        for (int bit = 0; bit < 7; bit++) {
            boolean[] f = new boolean[6];
            if (bit < 6) {
                f[bit] = true;
            }
            CheckConfig config =
                    new CheckConfig(
                            "flag " + bit,
                            "",
                            "",
                            "",
                            "simple",
                            60,
                            60,
                            "* * * * *",
                            "UTC",
                            f[0],
                            f[1],
                            f[2],
                            f[3],
                            "",
                            "",
                            "",
                            "",
                            f[4]);
            Check inserted =
                    database()
                            .inTransaction(
                                    cfg -> store().insert(cfg.dsl(), project.id(), config, T));
            // zero and the epoch are values, not "none"; one nullable number is set per check
            CheckState state =
                    new CheckState(
                            bit,
                            bit == 1 ? Instant.EPOCH : null,
                            bit == 2 ? Instant.EPOCH : null,
                            null,
                            bit == 3 ? 0L : null,
                            f[5],
                            bit == 4 ? Instant.EPOCH : null,
                            CheckStatus.DOWN);
            Check expected = inserted.withState(state);
            database().inTransactionRun(cfg -> store().update(cfg.dsl(), expected));
            assertThat(reload(inserted)).isEqualTo(expected);
            assertThat(store().findByCodes(database().dsl(), List.of(inserted.code()), false))
                    .containsExactly(expected);
            List<Check> streamed = new java.util.ArrayList<>();
            store().forEachInProject(
                            database().dsl(),
                            project.id(),
                            null,
                            List.of(),
                            (c, codes) -> {
                                if (c.id() == inserted.id()) {
                                    streamed.add(c);
                                }
                            });
            assertThat(streamed).containsExactly(expected);
        }
    }

    @Test
    default void unknownCodeOrIdFindsNothing() {
        assertThat(store().findByCode(database().dsl(), UUID.randomUUID())).isEmpty();
        assertThat(store().findById(database().dsl(), 999_999)).isEmpty();
    }

    @Test
    default void findByCodesReturnsTheKnownChecksInIdOrderAndCanLockThem() {
        Check a = newCheck();
        Check b = newCheck();
        List<Check> found =
                database()
                        .inTransaction(
                                cfg ->
                                        store().findByCodes(
                                                        cfg.dsl(),
                                                        List.of(
                                                                b.code(),
                                                                UUID.randomUUID(),
                                                                a.code()),
                                                        true));
        assertThat(found).containsExactly(a, b);
    }

    @Test
    default void findByCodesFindsEveryKnownCheckOfBatchesOfAnySize() {
        List<Check> made = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            made.add(newCheck());
        }
        for (int size : new int[] {1, 2, 7, 8, 9}) {
            List<UUID> codes = new ArrayList<>();
            made.subList(0, size).forEach(c -> codes.add(0, c.code()));
            assertThat(store().findByCodes(database().dsl(), codes, false))
                    .containsExactlyElementsOf(made.subList(0, size));
        }
        // more codes than one IN list holds: unknown ones around the known ones
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < CheckStore.MAX_IN_LIST + 100; i++) {
            many.add(UUID.randomUUID());
        }
        many.add(0, made.get(3).code());
        many.add(CheckStore.MAX_IN_LIST, made.get(1).code());
        many.add(made.get(8).code());
        assertThat(store().findByCodes(database().dsl(), many, false))
                .containsExactly(made.get(1), made.get(3), made.get(8));
    }

    @Test
    default void findBySlugFindsOnlyThePingKeysProjectAndLocksTheRows() {
        Seed seed = new Seed(database());
        Project mine = seed.project(seed.user(T), T);
        Project other = seed.project(seed.user(T), T);
        ProjectStore projects = new ProjectStore();
        database()
                .inTransactionRun(
                        cfg -> {
                            projects.setPingKey(cfg.dsl(), mine.id(), "mine-ping-key-" + mine.id());
                            projects.setPingKey(
                                    cfg.dsl(), other.id(), "other-ping-key-" + other.id());
                        });
        var b = CheckConfig.defaults().toBuilder();
        b.slug = "backups";
        Check first =
                database().inTransaction(cfg -> store().insert(cfg.dsl(), mine.id(), b.build(), T));
        Check second =
                database().inTransaction(cfg -> store().insert(cfg.dsl(), mine.id(), b.build(), T));
        database().inTransaction(cfg -> store().insert(cfg.dsl(), other.id(), b.build(), T));

        List<Check> locked =
                database()
                        .inTransaction(
                                cfg ->
                                        store().findBySlug(
                                                        cfg.dsl(),
                                                        "mine-ping-key-" + mine.id(),
                                                        "backups",
                                                        true));
        assertThat(locked).containsExactly(first, second);
        assertThat(
                        store().findBySlug(
                                        database().dsl(),
                                        "mine-ping-key-" + mine.id(),
                                        "backups",
                                        false))
                .containsExactly(first, second);
        assertThat(store().findBySlug(database().dsl(), "mine-ping-key-" + mine.id(), "nope", true))
                .isEmpty();
        assertThat(store().findBySlug(database().dsl(), "unknown-key", "backups", false)).isEmpty();
    }

    @Test
    default void listsCountsAndDeletesAProjectsChecks() {
        Check a = newCheck();
        Check b =
                database()
                        .inTransaction(
                                cfg ->
                                        store().insert(
                                                        cfg.dsl(),
                                                        a.projectId(),
                                                        CheckConfig.defaults(),
                                                        T));
        assertThat(store().listForProject(database().dsl(), a.projectId())).containsExactly(a, b);
        long owner =
                new ProjectStore()
                        .findById(database().dsl(), a.projectId())
                        .orElseThrow()
                        .ownerId();
        assertThat(store().countForOwner(database().dsl(), owner)).isEqualTo(2);
        assertThat(delete(a)).isEqualTo(1);
        assertThat(store().listForProject(database().dsl(), a.projectId())).containsExactly(b);
    }

    @Test
    default void forEachInProjectStreamsTheProjectsChecksByIdFilteredInSql() {
        Seed seed = new Seed(database());
        Project project = seed.project(seed.user(T), T);
        Project other = seed.project(seed.user(T), T);
        List<Check> made = new ArrayList<>();
        for (String tags : List.of("pr%d", "prod", "a_b", "axb", "prod a_b", "PR%D")) {
            var b = CheckConfig.defaults().toBuilder();
            b.tags = tags;
            b.slug = tags.contains("a") ? "with-a" : "";
            made.add(
                    database()
                            .inTransaction(
                                    cfg -> store().insert(cfg.dsl(), project.id(), b.build(), T)));
        }
        seed.check(other, T);
        List<String> extras = new ArrayList<>();
        List<Check> all = new ArrayList<>();
        store().forEachInProject(
                        database().dsl(),
                        project.id(),
                        null,
                        List.of(),
                        (check, extra) -> {
                            all.add(check);
                            extras.add(extra);
                        });
        assertThat(all).isEqualTo(made);
        // no channels yet: every check's channel codes are null
        assertThat(extras).hasSize(made.size()).containsOnlyNulls();

        assertThat(streamed(project, null, List.of("pr%d"))).containsExactly(made.get(0));
        assertThat(streamed(project, null, List.of("a_b")))
                .containsExactly(made.get(2), made.get(4));
        assertThat(streamed(project, null, List.of("pro", "a_b"))).containsExactly(made.get(4));
        assertThat(streamed(project, "with-a", List.of()))
                .containsExactly(made.get(2), made.get(3), made.get(4));
        assertThat(streamed(project, "", List.of("%"))).containsExactly(made.get(0), made.get(5));
        assertThat(streamed(project, "nope", List.of())).isEmpty();
    }

    private List<Check> streamed(Project project, String slug, List<String> tagParts) {
        List<Check> out = new ArrayList<>();
        store().forEachInProject(
                        database().dsl(),
                        project.id(),
                        slug,
                        tagParts,
                        (check, extra) -> out.add(check));
        return out;
    }

    @Test
    default void findsAChecksByUniqueKeyInItsProjectOnlyAndByBadgeKey() {
        Check a = newCheck();
        Check b = newCheck();
        assertThat(store().findByUniqueKey(database().dsl(), a.projectId(), a.uniqueKey()))
                .contains(a);
        assertThat(store().findByUniqueKey(database().dsl(), a.projectId(), b.uniqueKey()))
                .isEmpty();
        assertThat(store().findByUniqueKey(database().dsl(), a.projectId(), "0".repeat(40)))
                .isEmpty();
        assertThat(store().findByBadgeKey(database().dsl(), UUID.fromString(b.badgeKey())))
                .contains(b);
        assertThat(store().findByBadgeKey(database().dsl(), UUID.randomUUID())).isEmpty();
    }

    private int fill(int limit) {
        Integer filled =
                database().inTransaction(cfg -> store().fillMissingUniqueKeys(cfg.dsl(), limit));
        return filled;
    }

    @Test
    default void fillsMissingUniqueKeysInBatches() {
        Check a = newCheck();
        Check b = newCheck();
        Check c = newCheck();
        database().dsl().execute("UPDATE checks SET unique_key = NULL WHERE id <> " + b.id());
        assertThat(store().findByUniqueKey(database().dsl(), a.projectId(), a.uniqueKey()))
                .isEmpty();
        assertThat(fill(1)).isEqualTo(1);
        assertThat(fill(10)).isEqualTo(1);
        assertThat(fill(10)).isZero();
        for (Check check : List.of(a, b, c)) {
            assertThat(
                            store().findByUniqueKey(
                                            database().dsl(), check.projectId(), check.uniqueKey()))
                    .contains(check);
        }
    }

    @Test
    default void markDownWinsOnceThenLoses() {
        Check seen = newCheck().withState(state(3, CheckStatus.UP, T_MS));
        save(seen);
        assertThat(markDown(seen)).isTrue();
        assertThat(reload(seen).state()).isEqualTo(state(3, CheckStatus.DOWN, null));
        assertThat(markDown(seen)).isFalse();
    }

    @Test
    default void markDownLosesWhenAPingChangedTheCheckFirst() {
        Check seen = newCheck().withState(state(3, CheckStatus.UP, T_MS));
        save(seen);
        save(seen.withState(state(4, CheckStatus.UP, T_MS)));
        assertThat(markDown(seen)).isFalse();
        assertThat(reload(seen).state().status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    default void moveAlertAfterWinsOnceThenLosesOnceTheTimeMoved() {
        Check seen = newCheck().withState(state(3, CheckStatus.UP, T_MS));
        save(seen);
        assertThat(moveAlertAfter(seen, T_MS.plusSeconds(60))).isTrue();
        assertThat(reload(seen).state().alertAfter()).isEqualTo(T_MS.plusSeconds(60));
        assertThat(moveAlertAfter(seen, T_MS.plusSeconds(120))).isFalse();
        assertThat(markDown(seen)).isFalse();
    }

    @Test
    default void moveAlertAfterLosesAfterAPing() {
        Check seen = newCheck().withState(state(3, CheckStatus.UP, T_MS));
        save(seen.withState(state(4, CheckStatus.UP, T_MS)));
        assertThat(moveAlertAfter(seen, T_MS.plusSeconds(60))).isFalse();
        assertThat(reload(seen).state().alertAfter()).isEqualTo(T_MS);
    }

    @Test
    default void updateStatesWritesEveryCheckOfTheBatch() {
        Check a = newCheck();
        Check b = newCheck();
        Check c = newCheck();
        CheckState started =
                new CheckState(1, null, T_MS, "rid-1", null, false, null, CheckStatus.NEW);
        save(
                a.withState(state(1, CheckStatus.UP, T_MS)),
                b.withState(state(2, CheckStatus.DOWN, null)),
                c.withState(started));
        assertThat(reload(a).state()).isEqualTo(state(1, CheckStatus.UP, T_MS));
        assertThat(reload(b).state()).isEqualTo(state(2, CheckStatus.DOWN, null));
        assertThat(reload(c).state()).isEqualTo(started);
        assertThat(reload(a).config()).isEqualTo(a.config());
        save(); // an empty batch is a no-op
    }

    @Test
    default void dueForAlertListsChecksNotDownWhoseTimeCameEarliestFirst() {
        Check late = newCheck().withState(state(1, CheckStatus.UP, T_MS.minusSeconds(10)));
        Check later = newCheck().withState(state(1, CheckStatus.UP, T_MS.minusSeconds(20)));
        Check future = newCheck().withState(state(1, CheckStatus.UP, T_MS.plusSeconds(5)));
        Check down = newCheck().withState(state(1, CheckStatus.DOWN, T_MS.minusSeconds(30)));
        save(late, later, future, down);
        assertThat(store().dueForAlert(database().dsl(), T_MS, 10))
                .containsExactly(reload(later), reload(late));
        assertThat(store().dueForAlert(database().dsl(), T_MS, 1)).containsExactly(reload(later));
        assertThat(store().nextAlertAfter(database().dsl())).contains(T_MS.minusSeconds(20));
    }
}
