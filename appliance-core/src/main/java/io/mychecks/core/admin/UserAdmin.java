package io.mychecks.core.admin;

import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.operator.AccountService;
import java.util.List;

/**
 * The console's user administration: list, create a superuser, reset a password, promote, demote,
 * disable and enable. Every refusal is an IllegalArgumentException whose message the console shows
 * as it is. The last active superuser cannot be demoted or disabled, so the site always keeps one.
 */
public final class UserAdmin {
    private final Database database;
    private final AdminStore store = new AdminStore();
    private final UserStore users;
    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;

    public UserAdmin(
            Database database,
            UserStore users,
            AccountService accounts,
            PasswordHasher hasher,
            LoginSessions sessions) {
        this.database = database;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    /** Every user, by email. */
    public List<UserRow> list() {
        return store.users(database.dsl());
    }

    /** Creates a superuser, or makes an existing account one with this password. */
    public User createSuperuser(String email, String password) {
        return accounts.createSuperuser(email, password);
    }

    /** Sets a new password and logs the user out everywhere. */
    public void resetPassword(long userId, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password must have at least 8 characters");
        }
        String hash = hasher.hash(password);
        database.inTransactionRun(
                cfg -> users.setPasswordHash(cfg.dsl(), existing(cfg.dsl(), userId).id(), hash));
        sessions.closeAll(userId);
    }

    /** Makes the user a superuser. */
    public void promote(long userId) {
        database.inTransactionRun(
                cfg -> store.setSuperuser(cfg.dsl(), existing(cfg.dsl(), userId).id(), true));
    }

    /** Takes the superuser flag away, unless the user is the last active superuser. */
    public void demote(long userId) {
        database.inTransactionRun(
                cfg -> {
                    User u = existing(cfg.dsl(), userId);
                    refuseLastSuperuser(cfg.dsl(), u, "demote");
                    store.setSuperuser(cfg.dsl(), u.id(), false);
                });
    }

    /** Disables the account and ends its sessions, unless it is the last active superuser. */
    public void disable(long userId) {
        database.inTransactionRun(
                cfg -> {
                    User u = existing(cfg.dsl(), userId);
                    refuseLastSuperuser(cfg.dsl(), u, "disable");
                    store.setActive(cfg.dsl(), u.id(), false);
                });
        sessions.closeAll(userId);
    }

    /** Lets a disabled account log in again. */
    public void enable(long userId) {
        database.inTransactionRun(
                cfg -> store.setActive(cfg.dsl(), existing(cfg.dsl(), userId).id(), true));
    }

    private User existing(org.jooq.DSLContext ctx, long userId) {
        return users.findById(ctx, userId)
                .orElseThrow(() -> new IllegalArgumentException("there is no user #" + userId));
    }

    private void refuseLastSuperuser(org.jooq.DSLContext ctx, User u, String verb) {
        if (u.superuser() && u.active() && store.otherActiveSuperusers(ctx, u.id()) == 0) {
            throw new IllegalArgumentException(
                    "cannot "
                            + verb
                            + " "
                            + u.email()
                            + ": it is the last active superuser;"
                            + " promote another user first");
        }
    }
}
