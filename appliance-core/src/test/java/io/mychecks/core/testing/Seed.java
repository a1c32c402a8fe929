package io.mychecks.core.testing;

import static io.mychecks.core.db.schema.Tables.SERVICE_HEARTBEATS;
import static io.mychecks.core.db.schema.Tables.TOKEN_BUCKETS;
import static io.mychecks.core.db.schema.Tables.USERS;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.pings.PingKind;
import io.mychecks.core.pings.PingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows for store and pruner tests, written through the stores where they can do it, so a test needs
 * no Appliance. Emails are unique per call.
 */
public final class Seed {
    private final Database db;
    private final UserStore users = new UserStore();
    private final ProjectStore projects = new ProjectStore();
    private final CheckStore checks = new CheckStore();
    private final PingStore pings = new PingStore();

    public Seed(Database db) {
        this.db = db;
    }

    /**
     * Deletes every row, so the tests of one class can share a database: users take their projects,
     * checks, pings, flips, channels and notifications with them (ON DELETE CASCADE).
     */
    public void deleteAll() {
        db.inTransactionRun(
                cfg -> {
                    cfg.dsl().deleteFrom(USERS).execute();
                    cfg.dsl().deleteFrom(TOKEN_BUCKETS).execute();
                    cfg.dsl().deleteFrom(SERVICE_HEARTBEATS).execute();
                });
    }

    /** A plain (not super) user created at {@code created}, never logged in. */
    public User user(Instant created) {
        String email = "u-" + UUID.randomUUID() + "@example.org";
        return db.inTransaction(cfg -> users.insert(cfg.dsl(), email, "", false, created));
    }

    /** Sets a user's last login (no store writes it yet: the web login will). */
    public void lastLogin(User user, Instant at) {
        db.inTransactionRun(
                cfg ->
                        cfg.dsl()
                                .update(USERS)
                                .set(USERS.LAST_LOGIN, at)
                                .where(USERS.ID.eq(user.id()))
                                .execute());
    }

    /** Sets how many pings per check a user keeps. */
    public void pingLogLimit(User user, int limit) {
        db.inTransactionRun(
                cfg ->
                        cfg.dsl()
                                .update(USERS)
                                .set(USERS.PING_LOG_LIMIT, limit)
                                .where(USERS.ID.eq(user.id()))
                                .execute());
    }

    public Project project(User owner, Instant created) {
        return db.inTransaction(cfg -> projects.insert(cfg.dsl(), owner.id(), "Project", created));
    }

    public Check check(Project project, Instant created) {
        return db.inTransaction(
                cfg -> checks.insert(cfg.dsl(), project.id(), CheckConfig.defaults(), created));
    }

    /** A user with a project holding one check, all created at {@code created}. */
    public Check checkOfNewUser(Instant created) {
        return check(project(user(created), created), created);
    }

    /** Stores success pings numbered {@code fromN..toN}, one second apart from {@code first}. */
    public List<Ping> pings(Check check, long fromN, long toN, Instant first) {
        List<Ping> list = new ArrayList<>();
        for (long n = fromN; n <= toN; n++) {
            list.add(
                    new Ping(
                            0,
                            check.id(),
                            n,
                            first.plusSeconds(n - fromN),
                            PingKind.SUCCESS,
                            "http",
                            "192.0.2.1",
                            "GET",
                            "curl/8",
                            null,
                            null,
                            null,
                            null));
        }
        db.inTransactionRun(cfg -> pings.insertAll(cfg.dsl(), list));
        return list;
    }
}
