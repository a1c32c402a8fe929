package io.mychecks.core.testing;

import io.mychecks.core.Appliance;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.operator.AccountService.IssuedKeys;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The people of every app test: Alice owns "Alices Project" (with keys), Bob owns his own project,
 * Charlie has no access to Alice's. Plain keys are kept here since the database stores them hashed.
 */
public final class Fixtures {
    public final Appliance app;
    public final User alice;
    public final Project aliceProject;
    public final String aliceApiKey;
    public final String aliceReadonlyKey;
    public final String alicePingKey;
    public final User bob;
    public final Project bobProject;
    public final String bobApiKey;
    public final User charlie;

    private Fixtures(Appliance app) {
        this.app = app;
        this.alice = app.accounts().createSuperuser("alice@example.org", "password-alice");
        IssuedKeys a = app.accounts().issueKeys("alice@example.org", null, false);
        this.aliceApiKey = a.apiKey();
        this.aliceReadonlyKey = a.apiKeyReadonly();
        this.alicePingKey = a.pingKey();
        this.aliceProject = project(UUID.fromString(a.project()));
        this.bob = app.accounts().createSuperuser("bob@example.org", "password-bob");
        IssuedKeys b = app.accounts().issueKeys("bob@example.org", null, false);
        this.bobApiKey = b.apiKey();
        this.bobProject = project(UUID.fromString(b.project()));
        this.charlie = app.accounts().createSuperuser("charlie@example.org", "password-charlie");
    }

    /** Seeds Alice, Bob and Charlie into {@code app}'s database. */
    public static Fixtures seed(Appliance app) {
        return new Fixtures(app);
    }

    private Project project(UUID code) {
        return app.database()
                .inTransaction(cfg -> app.projects().findByCode(cfg.dsl(), code).orElseThrow());
    }

    /** Creates a check in Alice's project, configured by {@code edit}. */
    public Check aliceCheck(Consumer<CheckConfig.Builder> edit) {
        CheckConfig.Builder b = CheckConfig.defaults().toBuilder();
        edit.accept(b);
        return app.database()
                .inTransaction(
                        cfg ->
                                app.checks()
                                        .insert(
                                                cfg.dsl(),
                                                aliceProject.id(),
                                                b.build(),
                                                app.clock().instant()));
    }

    /** Reloads a check from the database. */
    public Check reload(Check check) {
        return app.database()
                .inTransaction(cfg -> app.checks().findById(cfg.dsl(), check.id()).orElseThrow());
    }
}
