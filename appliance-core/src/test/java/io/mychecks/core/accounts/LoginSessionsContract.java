package io.mychecks.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.db.Database;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Log-in sessions on each database: kept server-side, hashed, sliding, ended on demand. */
interface LoginSessionsContract {
    Instant T = Instant.parse("2026-03-01T10:00:00Z");

    TestDatabase db();

    default Database database() {
        return db().database();
    }

    default User user() {
        return new Seed(database()).user(T);
    }

    @Test
    default void aSessionIsFoundByItsTokenAloneAndSurvivesANewServiceInstance() {
        MutableClock clock = new MutableClock(T);
        User u = user();
        LoginSessions.Opened opened =
                new LoginSessions(database(), clock, new LoginSessionStore()).open(u.id());

        assertThat(opened.token()).hasSize(43);
        // what the database keeps is not the token
        assertThat(opened.session().id()).hasSize(64).isNotEqualTo(opened.token());
        assertThat(opened.session().csrfToken()).hasSize(43).isNotEqualTo(opened.token());
        // a restart: another instance on the same database finds it
        LoginSessions again = new LoginSessions(database(), clock, new LoginSessionStore());
        assertThat(again.find(opened.token())).contains(opened.session());
        assertThat(again.find(opened.token() + "x")).isEmpty();
        assertThat(again.find("")).isEmpty();
        assertThat(again.find(null)).isEmpty();
    }

    @Test
    default void aSessionLastsTwoWeeksAfterItsLastUse() {
        MutableClock clock = new MutableClock(T);
        LoginSessions sessions = new LoginSessions(database(), clock, new LoginSessionStore());
        LoginSessions.Opened opened = sessions.open(user().id());

        clock.advance(Duration.ofDays(10));
        assertThat(sessions.find(opened.token()).orElseThrow().expires())
                .isEqualTo(T.plus(Duration.ofDays(24)));
        clock.advance(Duration.ofDays(13));
        assertThat(sessions.find(opened.token())).isPresent();
        clock.advance(LoginSessions.LIFETIME);
        assertThat(sessions.find(opened.token())).isEmpty();
        assertThat(sessions.pruneExpired()).isEqualTo(1);
    }

    @Test
    default void aPageViewWithinFiveMinutesDoesNotWrite() {
        MutableClock clock = new MutableClock(T);
        LoginSessions sessions = new LoginSessions(database(), clock, new LoginSessionStore());
        LoginSessions.Opened opened = sessions.open(user().id());
        clock.advance(Duration.ofMinutes(4));
        assertThat(sessions.find(opened.token()).orElseThrow().lastSeen()).isEqualTo(T);
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.find(opened.token()).orElseThrow().lastSeen())
                .isEqualTo(T.plus(Duration.ofMinutes(6)));
    }

    @Test
    default void logOutEndsOneSessionAndCloseAllEndsEveryOneOfTheUser() {
        MutableClock clock = new MutableClock(T);
        LoginSessions sessions = new LoginSessions(database(), clock, new LoginSessionStore());
        User alice = user();
        User bob = user();
        LoginSessions.Opened a1 = sessions.open(alice.id());
        LoginSessions.Opened a2 = sessions.open(alice.id());
        LoginSessions.Opened b = sessions.open(bob.id());

        sessions.close(a1.token());
        assertThat(sessions.find(a1.token())).isEmpty();
        assertThat(sessions.find(a2.token())).isPresent();
        assertThat(sessions.closeAll(alice.id())).isEqualTo(1);
        assertThat(sessions.find(a2.token())).isEmpty();
        assertThat(sessions.find(b.token())).isPresent();
        sessions.close("not a token");
    }

    @Test
    default void csrfTokensMatchOnlyExactly() {
        LoginSessions.Opened opened =
                new LoginSessions(database(), new MutableClock(T), new LoginSessionStore())
                        .open(user().id());
        LoginSession s = opened.session();
        assertThat(LoginSessions.csrfMatches(s, s.csrfToken())).isTrue();
        assertThat(LoginSessions.csrfMatches(s, s.csrfToken() + "x")).isFalse();
        assertThat(LoginSessions.csrfMatches(s, opened.token())).isFalse();
        assertThat(LoginSessions.csrfMatches(s, null)).isFalse();
    }
}
