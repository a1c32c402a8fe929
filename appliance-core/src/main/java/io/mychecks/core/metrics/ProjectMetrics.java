package io.mychecks.core.metrics;

import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.checks.CheckStatsStore;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.core.db.Database;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Returns the Prometheus metrics of a project to a scraper that holds its read-only API key.
 *
 * <ol>
 *   <li>A key that is not 32 characters long is a bad request.
 *   <li>The key must be the read-only key of a project; read-write keys are refused.
 *   <li>Unlike the reference, the project code in the URL must be that key's project, so a URL
 *       cannot mix one project's code with another's key.
 * </ol>
 */
public final class ProjectMetrics {
    private static final int KEY_LENGTH = 32;

    /** How a scrape ends. */
    public enum Outcome {
        OK,
        /** The key is not 32 characters. */
        BAD_KEY,
        /** No project has this read-only key, or it is not the project in the URL. */
        FORBIDDEN,
        /** Too many project scans run already: try again shortly. */
        BUSY
    }

    /** Writes the exposition, then gives back the scan permit it holds. */
    @FunctionalInterface
    public interface Exposition {
        void writeTo(Writer out) throws IOException;
    }

    /** The outcome, and the exposition when it is OK. */
    public record Result(Outcome outcome, Exposition exposition) {}

    private final Database database;
    private final Clock clock;
    private final ApiKeys apiKeys;
    private final ProjectStore projects;
    private final CheckStatsStore stats = new CheckStatsStore();
    private final ScanLimiter scans;

    /**
     * @param scans limits the projects scanned at once (shared with other project-wide scans)
     */
    public ProjectMetrics(
            Database database,
            Clock clock,
            ApiKeys apiKeys,
            ProjectStore projects,
            ScanLimiter scans) {
        this.database = database;
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.projects = projects;
        this.scans = scans;
    }

    /**
     * Returns the metrics of project {@code projectCode} for the read-only {@code key}. An OK
     * result holds a scan permit until its exposition is written: the caller must write it.
     */
    public Result scrape(UUID projectCode, String key) {
        if (key.length() != KEY_LENGTH) {
            return new Result(Outcome.BAD_KEY, null);
        }
        Optional<Project> project =
                projects.findByApiKeyHash(database.dsl(), apiKeys.hash(key), true);
        if (project.isEmpty() || !project.get().code().equals(projectCode)) {
            return new Result(Outcome.FORBIDDEN, null);
        }
        Optional<ScanLimiter.Permit> permit = scans.tryAcquire();
        if (permit.isEmpty()) {
            return new Result(Outcome.BUSY, null);
        }
        long projectId = project.get().id();
        Instant now = clock.instant();
        return new Result(
                Outcome.OK,
                out -> {
                    try (ScanLimiter.Permit held = permit.get()) {
                        PrometheusText.write(
                                out,
                                each -> stats.forEachStatus(database.dsl(), projectId, now, each));
                    }
                });
    }
}
