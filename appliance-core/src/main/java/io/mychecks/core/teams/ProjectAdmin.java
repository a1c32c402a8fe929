package io.mychecks.core.teams;

import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.db.Database;

/**
 * What a project's settings page changes: its name, its keys, its existence. API keys are made here
 * and shown once: only their hash is kept.
 */
public final class ProjectAdmin {
    public static final int MAX_NAME = 60;

    /** The three keys of a project. */
    public enum Key {
        API_KEY,
        API_KEY_READONLY,
        PING_KEY
    }

    private final Database database;
    private final ProjectStore projects;
    private final ApiKeys apiKeys;

    public ProjectAdmin(Database database, ProjectStore projects, ApiKeys apiKeys) {
        this.database = database;
        this.projects = projects;
        this.apiKeys = apiKeys;
    }

    /**
     * Renames the project.
     *
     * @throws IllegalArgumentException for an empty or too long name
     */
    public void rename(Project project, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("A project name has 1 to 60 characters.");
        }
        database.inTransactionRun(cfg -> projects.rename(cfg.dsl(), project.id(), n));
    }

    /** Remembers whether the project's checks page shows slugs or UUIDs. */
    public void showSlugs(Project project, boolean slugs) {
        database.inTransactionRun(cfg -> projects.setShowSlugs(cfg.dsl(), project.id(), slugs));
    }

    /** Deletes the project with everything in it. */
    public void delete(Project project) {
        database.inTransactionRun(cfg -> projects.delete(cfg.dsl(), project.id()));
    }

    /** Makes a new key of the kind, replacing any; returns it (the only time it is shown). */
    public String createKey(Project project, Key key) {
        String value =
                switch (key) {
                    case API_KEY -> ApiKeys.newApiKey(false);
                    case API_KEY_READONLY -> ApiKeys.newApiKey(true);
                    case PING_KEY -> ApiKeys.newPingKey();
                };
        database.inTransactionRun(
                cfg -> {
                    if (key == Key.PING_KEY) {
                        projects.setPingKey(cfg.dsl(), project.id(), value);
                    } else {
                        projects.setApiKeyHash(
                                cfg.dsl(),
                                project.id(),
                                key == Key.API_KEY_READONLY,
                                apiKeys.hash(value));
                    }
                });
        return value;
    }

    /** Revokes the key: API calls with it, or slug pings with the ping key, stop working. */
    public void revokeKey(Project project, Key key) {
        database.inTransactionRun(
                cfg -> {
                    if (key == Key.PING_KEY) {
                        projects.setPingKey(cfg.dsl(), project.id(), null);
                    } else {
                        projects.setApiKeyHash(
                                cfg.dsl(), project.id(), key == Key.API_KEY_READONLY, "");
                    }
                });
    }
}
