package io.mychecks.http.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.Check;
import io.mychecks.http.testing.TestApp;
import io.mychecks.http.testing.TestApp.Resp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * While the database cannot take a ping (SQLite locked by another process, a PostgreSQL row lock
 * held), the ping is answered 503 with Retry-After within 5 s, and intake resumes at once after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingUnavailableTest {
    TestApp t;

    @BeforeAll
    void start() {
        t = new TestApp();
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void aPingTheDatabaseCannotTakeGets503WithRetryAfterWithinFiveSeconds() throws Exception {
        Check check = t.fx.aliceCheck(b -> {});
        Resp first = t.get("/ping/" + check.code());
        assertThat(first.status()).isEqualTo(200);

        Connection locker = t.app.database().openConnection();
        try {
            locker.setAutoCommit(false); // SQLite: BEGIN IMMEDIATE takes the write lock
            if (t.app.database().isPostgres()) {
                try (PreparedStatement ps =
                        locker.prepareStatement("SELECT id FROM checks WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, check.id());
                    ps.executeQuery().close();
                }
            }
            long started = System.nanoTime();
            Resp blocked = t.get("/ping/" + check.code());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(blocked.status()).isEqualTo(503);
            assertThat(blocked.header("Retry-After")).isEqualTo("1");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        } finally {
            locker.rollback();
            locker.close();
        }
        long started = System.nanoTime();
        Resp after = t.get("/ping/" + check.code());
        assertThat(after.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
