package io.mychecks.core.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.testing.Seed;
import io.mychecks.core.testing.TestDatabases;
import io.mychecks.core.testing.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Project badges scan the whole project, so they go through the scan limiter; check badges not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgeServiceLimitsTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final TestDatabase db = TestDatabases.sqlite();

    @AfterAll
    void close() {
        db.close();
    }

    BadgeService service(ScanLimiter scans, Path dataDir) {
        Settings settings =
                Settings.of(
                        Map.of(
                                "SECRET_KEY", "test-secret-key",
                                "SITE_ROOT", "http://localhost:8000",
                                "DATA_DIR", dataDir.toString()));
        return new BadgeService(
                db.database(), Clock.fixed(NOW, ZoneOffset.UTC), new CheckStore(), scans, settings);
    }

    @Test
    void projectBadgeOverTheLimitIsBusyWhileCheckBadgesStillAnswer(@TempDir Path dataDir) {
        Seed seed = new Seed(db.database());
        Check check = seed.checkOfNewUser(NOW);
        Project project =
                new io.mychecks.core.accounts.ProjectStore()
                        .findById(db.database().dsl(), check.projectId())
                        .orElseThrow();
        String sig = new BadgeSigner("test-secret-key").sign(project.badgeKey(), "*");

        ScanLimiter none = new ScanLimiter(0);
        assertThatThrownBy(
                        () ->
                                service(none, dataDir)
                                        .projectBadge(
                                                project.badgeKey(), sig, "*", BadgeFormat.JSON))
                .isInstanceOf(ScanLimiter.BusyException.class);
        assertThatThrownBy(() -> service(none, dataDir).urls(project))
                .isInstanceOf(ScanLimiter.BusyException.class);
        assertThat(
                        service(none, dataDir)
                                .checkBadge(
                                        UUID.fromString(check.badgeKey()),
                                        BadgeMode.THREE_STATE,
                                        BadgeFormat.JSON))
                .isPresent();

        ScanLimiter one = new ScanLimiter(1);
        assertThat(
                        service(one, dataDir)
                                .projectBadge(project.badgeKey(), sig, "*", BadgeFormat.JSON)
                                .orElseThrow()
                                .body())
                .isEqualTo("{\"status\":\"up\",\"total\":1,\"grace\":0,\"down\":0}");
        assertThat(one.tryAcquire()).isPresent();
    }
}
