package io.mychecks.core.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Operator actions on accounts: create a superuser, issue a project's keys. */
public final class AccountService {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final Database database;
    private final Clock clock;
    private final UserStore users;
    private final ProjectStore projects;
    private final CheckStore checks;
    private final ChannelStore channels;
    private final ApiKeys apiKeys;
    private final PasswordHasher hasher;

    /** The keys of a project; a key that exists but cannot be shown (stored hashed) is null. */
    public record IssuedKeys(
            String project, String apiKey, String apiKeyReadonly, String pingKey) {}

    public AccountService(
            Database database,
            Clock clock,
            UserStore users,
            ProjectStore projects,
            CheckStore checks,
            ChannelStore channels,
            ApiKeys apiKeys,
            PasswordHasher hasher) {
        this.database = database;
        this.clock = clock;
        this.users = users;
        this.projects = projects;
        this.checks = checks;
        this.channels = channels;
        this.apiKeys = apiKeys;
        this.hasher = hasher;
    }

    /**
     * Creates a superuser with a first project, a first check and an email integration to their
     * address, as the reference does. An existing account becomes a superuser and gets the new
     * password. Throws IllegalArgumentException for a bad email or short password.
     */
    public User createSuperuser(String email, String password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not a valid email address: " + email);
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("the password must have at least 8 characters");
        }
        String hash = hasher.hash(password);
        return database.inTransaction(
                cfg -> {
                    var ctx = cfg.dsl();
                    Optional<User> existing = users.findByEmail(ctx, normalized);
                    if (existing.isPresent()) {
                        users.update(ctx, existing.get().id(), hash, true);
                        return users.findById(ctx, existing.get().id()).orElseThrow();
                    }
                    return withStarterProject(ctx, normalized, hash, true);
                });
    }

    /**
     * Signs up {@code email} (no password yet) with a first project, check and email integration;
     * returns the existing user unchanged when the address is known. Throws
     * IllegalArgumentException for a bad address.
     */
    public User signUp(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not a valid email address: " + email);
        }
        return database.inTransaction(
                cfg ->
                        users.findByEmail(cfg.dsl(), normalized)
                                .orElseGet(
                                        () ->
                                                withStarterProject(
                                                        cfg.dsl(), normalized, "", false)));
    }

    private User withStarterProject(
            org.jooq.DSLContext ctx, String email, String hash, boolean superuser) {
        User user = users.insert(ctx, email, hash, superuser, clock.instant());
        Project project = projects.insert(ctx, user.id(), "My Project", clock.instant());
        var b = CheckConfig.defaults().toBuilder();
        b.name = "My First Check";
        b.slug = "my-first-check";
        var check = checks.insert(ctx, project.id(), b.build(), clock.instant());
        var channel =
                channels.insert(
                        ctx,
                        project.id(),
                        "email",
                        "",
                        emailChannelConfig(email),
                        true,
                        clock.instant());
        channels.setForCheck(ctx, check.id(), List.of(channel.id()));
        return user;
    }

    /** The stored settings of an email channel to {@code address}: up and down alerts on. */
    static String emailChannelConfig(String address) {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("value", address);
        config.put("up", true);
        config.put("down", true);
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serializes", e);
        }
    }

    /**
     * Returns the keys of the user's project named {@code projectName} (their first project when
     * null), creating the project and any missing key. Keys are stored hashed, so a key that
     * already existed is returned as null unless {@code rotate} replaces it.
     */
    public IssuedKeys issueKeys(String email, String projectName, boolean rotate) {
        return database.inTransaction(
                cfg -> {
                    var ctx = cfg.dsl();
                    User user =
                            users.findByEmail(ctx, email == null ? "" : email.strip())
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "no user with email " + email));
                    List<Project> owned = projects.listForOwner(ctx, user.id());
                    Optional<Project> found =
                            projectName == null
                                    ? owned.stream().findFirst()
                                    : owned.stream()
                                            .filter(p -> p.name().equals(projectName))
                                            .findFirst();
                    Project project =
                            found.orElseGet(
                                    () ->
                                            projects.insert(
                                                    ctx,
                                                    user.id(),
                                                    projectName == null
                                                            ? "My Project"
                                                            : projectName,
                                                    clock.instant()));
                    String rw = null;
                    String ro = null;
                    if (rotate || project.apiKeyHash().isEmpty()) {
                        rw = ApiKeys.newApiKey(false);
                        projects.setApiKeyHash(ctx, project.id(), false, apiKeys.hash(rw));
                    }
                    if (rotate || project.apiKeyReadonlyHash().isEmpty()) {
                        ro = ApiKeys.newApiKey(true);
                        projects.setApiKeyHash(ctx, project.id(), true, apiKeys.hash(ro));
                    }
                    String pingKey = project.pingKey();
                    if (pingKey == null) {
                        pingKey = ApiKeys.newPingKey();
                        projects.setPingKey(ctx, project.id(), pingKey);
                    }
                    return new IssuedKeys(project.code().toString(), rw, ro, pingKey);
                });
    }
}
