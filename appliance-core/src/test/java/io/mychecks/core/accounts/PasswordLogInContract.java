package io.mychecks.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.accounts.PasswordLogIn.Outcome;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.limits.TokenBucketStore;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Log-in by password on each database. */
interface PasswordLogInContract {
    Instant T = Instant.parse("2026-03-01T10:00:00Z");
    PasswordHasher HASHER = new PasswordHasher(1000);

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default PasswordLogIn logIn(MutableClock clock) {
        LoginSessions sessions = new LoginSessions(database(), clock, new LoginSessionStore());
        RateLimiter limits = new RateLimiter(database(), clock, new TokenBucketStore());
        return new PasswordLogIn(
                database(), clock, new UserStore(), HASHER, sessions, limits, "secret");
    }

    default User user(String email, String password) {
        String hash = password == null ? "" : HASHER.hash(password);
        return database()
                .inTransaction(cfg -> new UserStore().insert(cfg.dsl(), email, hash, false, T));
    }

    @Test
    default void theRightPasswordOpensASessionAndRecordsTheLogIn() {
        MutableClock clock = new MutableClock(T);
        User alice = user("alice@example.org", "correct horse");
        clock.advance(Duration.ofHours(1));

        PasswordLogIn.Result r = logIn(clock).logIn("  Alice@Example.org ", "correct horse");

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.user().id()).isEqualTo(alice.id());
        assertThat(
                        new LoginSessions(database(), clock, new LoginSessionStore())
                                .find(r.session().token()))
                .map(LoginSession::userId)
                .contains(alice.id());
        assertThat(new UserStore().findById(database().dsl(), alice.id()).orElseThrow().lastLogin())
                .isEqualTo(T.plus(Duration.ofHours(1)));
    }

    @Test
    default void wrongPasswordUnknownAddressAndNoPasswordAllGetTheSameAnswer() {
        MutableClock clock = new MutableClock(T);
        user("alice@example.org", "correct horse");
        user("bob@example.org", null);
        PasswordLogIn l = logIn(clock);

        assertThat(l.logIn("alice@example.org", "wrong horse").outcome()).isEqualTo(Outcome.WRONG);
        assertThat(l.logIn("nobody@example.org", "correct horse").outcome())
                .isEqualTo(Outcome.WRONG);
        assertThat(l.logIn("bob@example.org", "").outcome()).isEqualTo(Outcome.WRONG);
        assertThat(l.logIn("", "x").outcome()).isEqualTo(Outcome.WRONG);
        assertThat(l.logIn(null, null).outcome()).isEqualTo(Outcome.WRONG);
        assertThat(l.logIn("x".repeat(300) + "@example.org", "x").session()).isNull();
    }

    @Test
    default void sessionsAndTheirTokensNeverPrintTheTokens() {
        MutableClock clock = new MutableClock(T);
        user("alice@example.org", "correct horse");
        LoginSessions.Opened opened =
                logIn(clock).logIn("alice@example.org", "correct horse").session();
        assertThat(opened.toString())
                .doesNotContain(opened.token())
                .doesNotContain(opened.session().csrfToken())
                .doesNotContain(opened.session().id());
        assertThat(opened.session().toString())
                .doesNotContain(opened.session().csrfToken())
                .doesNotContain(opened.session().id());
    }

    @Test
    default void anAddressMayTryTwentyTimesADayWhateverItsSpelling() {
        MutableClock clock = new MutableClock(T);
        user("alice@example.org", "correct horse");
        PasswordLogIn l = logIn(clock);
        for (int i = 0; i < 20; i++) {
            String spelling = i % 2 == 0 ? "alice@example.org" : "A.lice+" + i + "@example.org";
            assertThat(l.logIn(spelling, "guess " + i).outcome()).isEqualTo(Outcome.WRONG);
        }
        assertThat(l.logIn("alice@example.org", "correct horse").outcome())
                .isEqualTo(Outcome.TOO_MANY_ATTEMPTS);
        // another address is not held back
        user("carol@example.org", "pw carol!");
        assertThat(l.logIn("carol@example.org", "pw carol!").outcome()).isEqualTo(Outcome.OK);
        // the bucket refills evenly: an attempt back every 72 minutes
        clock.advance(Duration.ofMinutes(72));
        assertThat(l.logIn("alice@example.org", "correct horse").outcome()).isEqualTo(Outcome.OK);
    }
}
