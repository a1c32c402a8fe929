package io.mychecks.core.metrics;

import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import java.time.Clock;
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
        FORBIDDEN
    }

    /** The outcome, and the exposition text when it is OK. */
    public record Result(Outcome outcome, String text) {}

    private final Database database;
    private final Clock clock;
    private final ApiKeys apiKeys;
    private final ProjectStore projects;
    private final CheckStore checks;

    public ProjectMetrics(
            Database database,
            Clock clock,
            ApiKeys apiKeys,
            ProjectStore projects,
            CheckStore checks) {
        this.database = database;
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.projects = projects;
        this.checks = checks;
    }

    /** Returns the metrics of project {@code projectCode} for the read-only {@code key}. */
    public Result scrape(UUID projectCode, String key) {
        if (key.length() != KEY_LENGTH) {
            return new Result(Outcome.BAD_KEY, null);
        }
        Optional<Project> project =
                projects.findByApiKeyHash(database.dsl(), apiKeys.hash(key), true);
        if (project.isEmpty() || !project.get().code().equals(projectCode)) {
            return new Result(Outcome.FORBIDDEN, null);
        }
        String text =
                PrometheusText.render(
                        checks.listForProject(database.dsl(), project.get().id()), clock.instant());
        return new Result(Outcome.OK, text);
    }
}
