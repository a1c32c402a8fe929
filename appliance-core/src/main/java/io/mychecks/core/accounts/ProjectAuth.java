package io.mychecks.core.accounts;

import io.mychecks.core.db.Database;
import java.util.Optional;

/** Finds the project an API key opens: by its read-write key, or by its read-only key. */
public final class ProjectAuth {
    private final Database database;
    private final ApiKeys apiKeys;
    private final ProjectStore projects;

    /** A project opened by a key, and whether the key was its read-only one. */
    public record Opened(Project project, boolean readonly) {}

    public ProjectAuth(Database database, ApiKeys apiKeys, ProjectStore projects) {
        this.database = database;
        this.apiKeys = apiKeys;
        this.projects = projects;
    }

    /**
     * The project whose read-write key is {@code key}, or, with {@code readonlyToo}, whose
     * read-only key it is; empty for any other key.
     */
    public Optional<Opened> open(String key, boolean readonlyToo) {
        String hash = apiKeys.hash(key);
        Optional<Project> project = projects.findByApiKeyHash(database.dsl(), hash, false);
        if (project.isPresent()) {
            return Optional.of(new Opened(project.get(), false));
        }
        if (readonlyToo) {
            return projects.findByApiKeyHash(database.dsl(), hash, true)
                    .map(p -> new Opened(p, true));
        }
        return Optional.empty();
    }
}
