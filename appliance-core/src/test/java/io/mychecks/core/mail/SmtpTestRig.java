package io.mychecks.core.mail;

import io.mychecks.core.Appliance;
import io.mychecks.core.checks.Check;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.settings.Listen;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Fixtures;
import io.mychecks.core.testing.MutableClock;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An appliance over a fresh database (seeded with Alice, Bob and Charlie) and its SMTP listener on
 * a random loopback port, as {@code mychecks smtpd} runs them.
 */
final class SmtpTestRig implements AutoCloseable {
    final TestDatabase db;
    final Appliance app;
    final SmtpListener listener;
    final Fixtures fx;

    private SmtpTestRig(
            TestDatabase db, SmtpListener.Limits limits, Map<String, String> extraSettings) {
        this.db = db;
        Map<String, String> values = new HashMap<>();
        values.put("SECRET_KEY", "test-secret-key");
        values.put("SMTP_LISTEN", "");
        values.putAll(extraSettings);
        Settings settings = Settings.of(values);
        this.app = new Appliance(settings, new MutableClock(Instant.now()), db.database());
        EmailPingParser parser =
                new EmailPingParser(settings.pingEmailDomain(), settings.pingBodyLimit());
        this.listener =
                new SmtpListener(
                        new Listen("127.0.0.1", 0),
                        parser,
                        app.pingIntake(),
                        CheckLookup.of(app.database(), app.checks()),
                        limits);
        app.pingIntake().start();
        listener.start();
        this.fx = Fixtures.seed(app);
    }

    /** A rig on "sqlite" or "postgres" with the default limits. */
    static SmtpTestRig start(String database) {
        return start(database, SmtpListener.Limits.defaults(), Map.of());
    }

    static SmtpTestRig start(
            String database, SmtpListener.Limits limits, Map<String, String> settings) {
        TestDatabase db =
                database.equals("postgres") ? TestDatabases.postgres() : TestDatabases.sqlite();
        return new SmtpTestRig(db, limits, settings);
    }

    SmtpClient connect() {
        return new SmtpClient(listener.port());
    }

    /** A client that has already said EHLO. */
    SmtpClient session() {
        SmtpClient c = connect();
        SmtpClient.expect(c.command("EHLO test.example"), "250");
        return c;
    }

    List<Ping> pings(Check check) {
        return app.database()
                .inTransaction(cfg -> app.pings().recent(cfg.dsl(), check.id(), 0, 100));
    }

    Ping lastPing(Check check) {
        long n = fx.reload(check).state().nPings();
        return app.database()
                .inTransaction(cfg -> app.pings().find(cfg.dsl(), check.id(), n).orElseThrow());
    }

    long lastPingId() {
        return app.database().inTransaction(cfg -> app.pings().maxId(cfg.dsl()).orElse(0L));
    }

    @Override
    public void close() {
        listener.stop();
        app.pingIntake().stop();
        db.close();
    }
}
