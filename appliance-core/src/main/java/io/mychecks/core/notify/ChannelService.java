package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.User;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists and deletes a project's channels, and verifies the channels of kinds that confirm
 * their target ({@link ChannelVerification}). It knows no kind by name. New channels are not
 * assigned to any check: checks choose their channels (spec 6.2).
 */
public final class ChannelService {
    private static final int MAX_NAME = 100;

    private final Database database;
    private final Clock clock;
    private final ChannelStore channels;
    private final UserStore users;
    private final NotifierRegistry notifiers;

    public ChannelService(
            Database database,
            Clock clock,
            ChannelStore channels,
            UserStore users,
            NotifierRegistry notifiers) {
        this.database = database;
        this.clock = clock;
        this.channels = channels;
        this.users = users;
        this.notifiers = notifiers;
    }

    /** Returns the project's channels, oldest first. */
    public List<Channel> list(Project project) {
        return channels.listForProject(database.dsl(), project.id());
    }

    /**
     * Creates a channel from an API request ({@code kind}, optional {@code name}, and the kind's
     * fields). When the kind confirms its target, the channel is verified at once if the kind says
     * so (e.g. the project owner's own address), else the kind is asked to request confirmation.
     * Throws {@link InvalidChannelException} for bad input.
     */
    public Channel create(Project project, ObjectNode request) throws InvalidChannelException {
        Notifier notifier = notifier(request.get("kind"));
        // the name's problem and the kind's fields' problems together, for a form
        ConfigErrors errors = new ConfigErrors();
        String name = name(request.get("name"), errors);
        ObjectNode parsed = null;
        try {
            parsed = notifier.parseConfig(request);
        } catch (InvalidChannelException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.message()));
        }
        errors.throwIfAny();
        ObjectNode config = parsed;
        Optional<ChannelVerification> verification = notifier.verification();
        Channel created =
                database.inTransaction(
                        cfg -> {
                            var ctx = cfg.dsl();
                            String ownerEmail =
                                    users.findById(ctx, project.ownerId())
                                            .map(User::email)
                                            .orElse("");
                            boolean verified =
                                    verification.isPresent()
                                            && verification
                                                    .get()
                                                    .verifiedAtOnce(config, ownerEmail);
                            return channels.insert(
                                    ctx,
                                    project.id(),
                                    notifier.kind(),
                                    name,
                                    ChannelJson.toStored(config),
                                    verified,
                                    clock.instant());
                        });
        if (verification.isPresent() && !created.emailVerified()) {
            verification.get().requestConfirmation(created, config);
        }
        return created;
    }

    private Notifier notifier(JsonNode kind) throws InvalidChannelException {
        if (kind == null) {
            throw new InvalidChannelException("json validation error: kind is required");
        }
        if (!kind.isTextual()) {
            throw new InvalidChannelException("json validation error: kind is not a string");
        }
        return notifiers
                .find(kind.asText())
                .orElseThrow(
                        () ->
                                new InvalidChannelException(
                                        "unknown or disabled channel kind: " + kind.asText()));
    }

    /** The channel's name ("" when not given), or null after recording its problem. */
    private static String name(JsonNode name, ConfigErrors errors) {
        if (name == null) {
            return "";
        }
        if (!name.isTextual()) {
            errors.add("name", "name is not a string");
        } else if (name.asText().length() > MAX_NAME) {
            errors.add("name", "name is too long");
        } else if (name.asText().indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store NUL in text; refused on both databases alike
            errors.add("name", "name contains a NUL character");
        } else {
            return name.asText();
        }
        return null;
    }

    /**
     * Changes the project's channel {@code code}: its name and settings, validated as for a new one
     * of its kind. A changed target that needs confirming is confirmed again. Empty when the
     * project has no such channel.
     */
    public Optional<Channel> update(Project project, UUID code, ObjectNode request)
            throws InvalidChannelException {
        Optional<Channel> existing = find(project, code);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Channel old = existing.get();
        Notifier notifier =
                notifiers
                        .find(old.kind())
                        .orElseThrow(
                                () ->
                                        new InvalidChannelException(
                                                notifiers.unavailable(old.kind())));
        ConfigErrors errors = new ConfigErrors();
        String name = name(request.get("name"), errors);
        ObjectNode parsed = null;
        try {
            request.put("kind", old.kind());
            parsed = notifier.parseConfig(request);
        } catch (InvalidChannelException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.message()));
        }
        errors.throwIfAny();
        ObjectNode config = parsed;
        String stored = ChannelJson.toStored(config);
        boolean sameTarget = stored.equals(old.config());
        Optional<ChannelVerification> verification = notifier.verification();
        Channel updated =
                database.inTransaction(
                        cfg -> {
                            String ownerEmail =
                                    users.findById(cfg.dsl(), project.ownerId())
                                            .map(User::email)
                                            .orElse("");
                            boolean verified =
                                    verification.isPresent()
                                            && ((sameTarget && old.emailVerified())
                                                    || verification
                                                            .get()
                                                            .verifiedAtOnce(config, ownerEmail));
                            channels.updateConfig(cfg.dsl(), old.id(), name, stored, verified);
                            return channels.findById(cfg.dsl(), old.id()).orElseThrow();
                        });
        if (verification.isPresent() && !updated.emailVerified()) {
            verification.get().requestConfirmation(updated, config);
        }
        return Optional.of(updated);
    }

    /** Deletes the project's channel {@code code}; empty when the project has no such channel. */
    public Optional<Channel> delete(Project project, UUID code) {
        return database.inTransaction(
                cfg -> {
                    Optional<Channel> found =
                            channels.findByCode(cfg.dsl(), code)
                                    .filter(c -> c.projectId() == project.id());
                    found.ifPresent(c -> channels.delete(cfg.dsl(), c.id()));
                    return found;
                });
    }

    /**
     * Marks channel {@code code} verified when its kind confirms targets and {@code token} is its
     * token; returns it, or empty.
     */
    public Optional<Channel> verify(UUID code, String token) {
        return database.inTransaction(
                cfg -> {
                    Optional<Channel> found =
                            channels.findByCode(cfg.dsl(), code)
                                    .filter(
                                            c ->
                                                    notifiers
                                                            .find(c.kind())
                                                            .flatMap(Notifier::verification)
                                                            .filter(
                                                                    v ->
                                                                            v.tokenMatches(
                                                                                    code, token))
                                                            .isPresent());
                    found.ifPresent(c -> channels.setEmailVerified(cfg.dsl(), c.id(), true));
                    return found.flatMap(c -> channels.findById(cfg.dsl(), c.id()));
                });
    }

    /** How many checks each of the project's channels is linked to, by channel id. */
    public Map<Long, Integer> checkCounts(Project project) {
        return channels.checkCounts(database.dsl(), project.id());
    }

    /** The project's channel {@code code}, if it has one. */
    public Optional<Channel> find(Project project, UUID code) {
        return channels.findByCode(database.dsl(), code).filter(c -> c.projectId() == project.id());
    }

    /** Renames the project's channel; false when it has no such channel. */
    public boolean rename(Project project, UUID code, String name) throws InvalidChannelException {
        ConfigErrors errors = new ConfigErrors();
        String checked = name(TextNode.valueOf(name), errors);
        errors.throwIfAny();
        return database.inTransaction(
                cfg -> {
                    Optional<Channel> found =
                            channels.findByCode(cfg.dsl(), code)
                                    .filter(c -> c.projectId() == project.id());
                    found.ifPresent(c -> channels.rename(cfg.dsl(), c.id(), checked));
                    return found.isPresent();
                });
    }

    /**
     * Links or unlinks the project's channel {@code code} and its check {@code checkId}; false when
     * the project has no such channel or the check is not the project's.
     */
    public boolean setAssigned(Project project, Check check, UUID code, boolean assigned) {
        if (check.projectId() != project.id()) {
            return false;
        }
        return database.inTransaction(
                cfg -> {
                    Optional<Channel> found =
                            channels.findByCode(cfg.dsl(), code)
                                    .filter(c -> c.projectId() == project.id());
                    found.ifPresent(
                            c -> channels.setAssigned(cfg.dsl(), check.id(), c.id(), assigned));
                    return found.isPresent();
                });
    }

    /** The ids of the checks linked to the project's channel {@code code}. */
    public java.util.Set<Long> checkIdsOf(Project project, UUID code) {
        return find(project, code)
                .map(c -> channels.checkIdsOf(database.dsl(), c.id()))
                .orElse(java.util.Set.of());
    }

    /**
     * Links the project's channel {@code code} to exactly {@code checks} (all of the project);
     * false when the project has no such channel.
     */
    public boolean setChecks(Project project, UUID code, java.util.Collection<Check> checks) {
        for (Check c : checks) {
            if (c.projectId() != project.id()) {
                throw new IllegalArgumentException("check of another project");
            }
        }
        return database.inTransaction(
                cfg -> {
                    Optional<Channel> found =
                            channels.findByCode(cfg.dsl(), code)
                                    .filter(c -> c.projectId() == project.id());
                    found.ifPresent(
                            c ->
                                    channels.setChecksOf(
                                            cfg.dsl(),
                                            c.id(),
                                            checks.stream().map(Check::id).toList()));
                    return found.isPresent();
                });
    }

    /**
     * Sends a test alert (a made-up check named "TEST", gone down) through the channel now, on the
     * calling thread, and records the outcome on the channel as any delivery is.
     */
    public Optional<Delivery> test(Project project, UUID code) {
        Optional<Channel> channel = find(project, code);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Channel c = channel.get();
        Notifier notifier = notifiers.find(c.kind()).orElse(null);
        if (notifier == null) {
            return Optional.of(
                    new Delivery(Delivery.Result.FAILED, notifiers.unavailable(c.kind())));
        }
        Instant now = clock.instant();
        var config = CheckConfig.defaults().toBuilder();
        config.name = "TEST";
        config.desc = "A test notification, sent from the integrations page.";
        Check check =
                new Check(
                        0,
                        UUID.randomUUID(),
                        project.id(),
                        now,
                        "",
                        config.build(),
                        CheckState.fresh().withStatus(CheckStatus.DOWN));
        ObjectNode checkJson = JsonNodeFactory.instance.objectNode();
        checkJson.put("name", "TEST");
        checkJson.put("status", "down");
        Alert alert =
                new Alert(
                        UUID.randomUUID(),
                        c,
                        check,
                        project.name(),
                        CheckStatus.DOWN,
                        now,
                        "",
                        null,
                        null,
                        checkJson);
        long start = System.nanoTime();
        Delivery d = notifier.deliver(alert, ChannelConfigs.parse(c));
        long ms = (System.nanoTime() - start) / 1_000_000;
        String error = d.result() == Delivery.Result.OK ? "" : d.error();
        database.inTransactionRun(
                cfg -> channels.recordDelivery(cfg.dsl(), c.id(), now, ms, error, false));
        return Optional.of(d);
    }

    /** Returns the channel as the API shows it, with its kind's settings. */
    public ObjectNode toJson(Channel channel) {
        return ChannelJson.full(channel, notifiers);
    }

    /** The configured notifiers, by kind. */
    public NotifierRegistry notifiers() {
        return notifiers;
    }
}
