package io.mychecks.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.db.Database;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** UserStore and ProjectStore on each database (STYLE.md 3.7, tier 2). */
interface AccountStoreContract {
    Instant T = Instant.parse("2025-06-15T12:00:00.123999999Z");
    Instant T_MS = T.truncatedTo(ChronoUnit.MILLIS);

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default UserStore users() {
        return new UserStore();
    }

    default ProjectStore projects() {
        return new ProjectStore();
    }

    default User insertUser(String email, boolean superuser) {
        return database()
                .inTransaction(
                        cfg -> users().insert(cfg.dsl(), email, "pbkdf2$hash", superuser, T));
    }

    default Project insertProject(User owner, String name) {
        return database().inTransaction(cfg -> projects().insert(cfg.dsl(), owner.id(), name, T));
    }

    @Test
    default void insertedUserReadsBackWithDefaultsAndALowerCaseEmail() {
        User user = insertUser("Alice@Example.ORG", true);
        User expected =
                new User(
                        user.id(),
                        "alice@example.org",
                        "pbkdf2$hash",
                        true,
                        "UTC",
                        10000,
                        100,
                        T_MS,
                        null,
                        true);
        assertThat(user).isEqualTo(expected);
        assertThat(users().findById(database().dsl(), user.id())).contains(expected);
        assertThat(users().findByEmail(database().dsl(), "ALICE@example.org")).contains(expected);
        assertThat(users().findByEmail(database().dsl(), "bob@example.org")).isEmpty();
    }

    @Test
    default void updateChangesPasswordHashAndSuperuserFlag() {
        User user = insertUser("carol@example.org", false);
        database().inTransactionRun(cfg -> users().update(cfg.dsl(), user.id(), "new-hash", true));
        User read = users().findById(database().dsl(), user.id()).orElseThrow();
        assertThat(read.passwordHash()).isEqualTo("new-hash");
        assertThat(read.superuser()).isTrue();
    }

    @Test
    default void aSecondAccountWithTheSameEmailIsRefused() {
        insertUser("dave@example.org", false);
        assertThatThrownBy(() -> insertUser("DAVE@example.org", false))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    default void insertedProjectReadsBackByIdAndCode() {
        User owner = insertUser("erin@example.org", false);
        Project project = insertProject(owner, "Backups");
        Project expected =
                new Project(
                        project.id(),
                        project.code(),
                        "Backups",
                        owner.id(),
                        "",
                        "",
                        null,
                        project.code().toString(),
                        false,
                        T_MS);
        assertThat(project).isEqualTo(expected);
        assertThat(projects().findById(database().dsl(), project.id())).contains(expected);
        assertThat(projects().findByCode(database().dsl(), project.code())).contains(expected);
        assertThat(projects().findByCode(database().dsl(), UUID.randomUUID())).isEmpty();
    }

    @Test
    default void listForOwnerReturnsOnlyTheOwnersProjectsInIdOrder() {
        User owner = insertUser("frank@example.org", false);
        Project a = insertProject(owner, "A");
        Project b = insertProject(owner, "B");
        insertProject(insertUser("grace@example.org", false), "Other");
        assertThat(projects().listForOwner(database().dsl(), owner.id())).containsExactly(a, b);
    }

    @Test
    default void apiKeyHashesFindTheirProjectByAccessLevel() {
        Project project = insertProject(insertUser("heidi@example.org", false), "Keys");
        database()
                .inTransactionRun(
                        cfg -> {
                            projects().setApiKeyHash(cfg.dsl(), project.id(), false, "rw-hash");
                            projects().setApiKeyHash(cfg.dsl(), project.id(), true, "ro-hash");
                        });
        assertThat(projects().findByApiKeyHash(database().dsl(), "rw-hash", false))
                .map(Project::id)
                .contains(project.id());
        assertThat(projects().findByApiKeyHash(database().dsl(), "ro-hash", true))
                .map(Project::id)
                .contains(project.id());
        assertThat(projects().findByApiKeyHash(database().dsl(), "ro-hash", false)).isEmpty();
        assertThat(projects().findByApiKeyHash(database().dsl(), "rw-hash", true)).isEmpty();
    }

    @Test
    default void anEmptyKeyNeverMatches() {
        insertProject(insertUser("ivan@example.org", false), "No keys yet");
        assertThat(projects().findByApiKeyHash(database().dsl(), "", false)).isEmpty();
        assertThat(projects().findByApiKeyHash(database().dsl(), "", true)).isEmpty();
    }

    @Test
    default void pingKeysAreFoundAndUnique() {
        User owner = insertUser("judy@example.org", false);
        Project first = insertProject(owner, "First");
        Project second = insertProject(owner, "Second");
        database()
                .inTransactionRun(
                        cfg ->
                                projects()
                                        .setPingKey(
                                                cfg.dsl(), first.id(), "abcdefghijklmnopqrstuv"));
        assertThat(projects().findByPingKey(database().dsl(), "abcdefghijklmnopqrstuv"))
                .map(Project::id)
                .contains(first.id());
        assertThat(projects().findByPingKey(database().dsl(), "nope")).isEmpty();
        assertThatThrownBy(
                        () ->
                                database()
                                        .inTransactionRun(
                                                cfg ->
                                                        projects()
                                                                .setPingKey(
                                                                        cfg.dsl(),
                                                                        second.id(),
                                                                        "abcdefghijklmnopqrstuv")))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    default void limitsAreTheOwnersOrTheDefaultsForAnUnknownProject() {
        User owner = insertUser("mallory@example.org", false);
        Project project = insertProject(owner, "Limits");
        new Seed(database()).pingLogLimit(owner, 250);
        assertThat(projects().pingLogLimit(database().dsl(), project.id())).isEqualTo(250);
        assertThat(projects().checkLimit(database().dsl(), project.id())).isEqualTo(10000);
        assertThat(projects().pingLogLimit(database().dsl(), 999_999)).isEqualTo(100);
        assertThat(projects().checkLimit(database().dsl(), 999_999)).isEqualTo(10000);
    }
}
