package io.mychecks.core.manage;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckState;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.db.Database;
import io.mychecks.core.flips.FlipDraft;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.manage.CheckRejectedException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Changes checks on behalf of a project (the Management API): create or upsert, update, pause,
 * resume, delete. Each call is one transaction and returns the check as it committed it; a refusal
 * is a {@link CheckRejectedException}.
 */
public final class CheckService {
    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final FlipStore flips;
    private final ChannelStore channels;
    private final ProjectStore projects;

    /** The outcome of a create: the check, and false when an existing check was updated instead. */
    public record Created(CheckSnapshot snapshot, boolean created) {}

    public CheckService(
            Database database,
            Clock clock,
            CheckStore checks,
            FlipStore flips,
            ChannelStore channels,
            ProjectStore projects) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.flips = flips;
        this.channels = channels;
        this.projects = projects;
    }

    /**
     * Creates a check from {@code spec}, or updates the first check matching its {@code unique}
     * fields.
     *
     * @param slugFromName API v1 and v2: a new name also sets the slug
     * @throws CheckRejectedException LIMIT_REACHED when creating would pass the owner's check
     *     limit, BAD_CHANNELS for channels the project does not have
     */
    public Created create(Project project, CheckSpec spec, boolean slugFromName) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    // one create at a time per project: two upserts cannot both miss and insert,
                    // and the check limit holds
                    projects.lockForWrite(ctx, project.id());
                    if (spec.hasUniqueKey()) {
                        var existing =
                                checks.findFirstMatching(
                                        ctx,
                                        project.id(),
                                        spec.uniqueValue("name", spec.name()),
                                        spec.uniqueValue("slug", spec.slug()),
                                        spec.uniqueValue("tags", spec.tags()),
                                        spec.uniqueValue("timeout", spec.timeout()),
                                        spec.uniqueValue("grace", spec.grace()));
                        if (existing.isPresent()) {
                            // lock and re-read it: pings may have changed its state meanwhile
                            Check current = lockOwned(ctx, project, existing.get().code());
                            return new Created(save(ctx, current, spec, slugFromName), false);
                        }
                    }
                    if (checks.countForOwner(ctx, project.ownerId())
                            >= projects.checkLimit(ctx, project.id())) {
                        throw new CheckRejectedException(
                                Reason.LIMIT_REACHED, "check limit reached");
                    }
                    List<Long> channelIds = resolveChannels(ctx, project.id(), spec.channels());
                    Check check =
                            checks.insert(
                                    ctx,
                                    project.id(),
                                    spec.applyTo(CheckConfig.defaults(), slugFromName),
                                    clock.instant());
                    return new Created(finish(ctx, check, channelIds), true);
                });
    }

    /**
     * Writes the sent fields of {@code spec} to the project's check {@code code} and recomputes
     * when it goes down. The status stays: a new schedule that makes the check overdue is left to
     * the alert loop, without a flip here.
     */
    public CheckSnapshot update(Project project, UUID code, CheckSpec spec, boolean slugFromName) {
        return database.inTransactionRetrying(
                cfg -> save(cfg.dsl(), lockOwned(cfg.dsl(), project, code), spec, slugFromName));
    }

    /**
     * Pauses the check: status PAUSED, no open run, no alert time, and a flip that is already
     * processed (nobody is told). Pausing a paused check changes nothing.
     */
    public CheckSnapshot pause(Project project, UUID code) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    Check check = lockOwned(ctx, project, code);
                    if (check.state().status() == CheckStatus.PAUSED) {
                        return snapshot(ctx, check);
                    }
                    CheckState s =
                            check.state()
                                    .withLastStart(null, null)
                                    .withAlertAfter(null)
                                    .withStatus(CheckStatus.PAUSED);
                    return transition(ctx, check, s);
                });
    }

    /**
     * Resumes a paused check: status NEW without last ping, open run or alert time, and a processed
     * flip.
     *
     * @throws CheckRejectedException NOT_PAUSED when the check is not paused
     */
    public CheckSnapshot resume(Project project, UUID code) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    Check check = lockOwned(ctx, project, code);
                    if (check.state().status() != CheckStatus.PAUSED) {
                        throw new CheckRejectedException(Reason.NOT_PAUSED, "check is not paused");
                    }
                    CheckState s =
                            check.state()
                                    .withLastPing(null)
                                    .withLastStart(null, null)
                                    .withAlertAfter(null)
                                    .withStatus(CheckStatus.NEW);
                    return transition(ctx, check, s);
                });
    }

    /**
     * Copies the check into its project: "(copy)" after the name, "-copy" after the slug, the same
     * schedule, filters and integrations, and a fresh state.
     *
     * @throws CheckRejectedException LIMIT_REACHED at the owner's check limit
     */
    public CheckSnapshot copy(Project project, UUID code) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    projects.lockForWrite(ctx, project.id());
                    Check original = lockOwned(ctx, project, code);
                    if (checks.countForOwner(ctx, project.ownerId())
                            >= projects.checkLimit(ctx, project.id())) {
                        throw new CheckRejectedException(
                                Reason.LIMIT_REACHED, "check limit reached");
                    }
                    CheckConfig.Builder b = original.config().toBuilder();
                    b.name =
                            cut(
                                    original.config().name().isEmpty()
                                            ? "(copy)"
                                            : original.config().name() + " (copy)",
                                    100);
                    b.slug =
                            original.config().slug().isEmpty()
                                    ? ""
                                    : cut(original.config().slug() + "-copy", 100);
                    Check copy = checks.insert(ctx, project.id(), b.build(), clock.instant());
                    List<Long> ids = new ArrayList<>();
                    for (UUID c : channels.codesForCheck(ctx, original.id())) {
                        channels.findByCode(ctx, c).ifPresent(ch -> ids.add(ch.id()));
                    }
                    return finish(ctx, copy, ids);
                });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Moves the check to project {@code to}, where it uses every integration; the target owner's
     * check limit applies when the owner changes.
     */
    public CheckSnapshot transfer(Project from, UUID code, Project to) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    projects.lockForWrite(ctx, to.id());
                    Check check = lockOwned(ctx, from, code);
                    if (from.id() == to.id()) {
                        return snapshot(ctx, check);
                    }
                    if (from.ownerId() != to.ownerId()
                            && checks.countForOwner(ctx, to.ownerId())
                                    >= projects.checkLimit(ctx, to.id())) {
                        throw new CheckRejectedException(
                                Reason.LIMIT_REACHED, "check limit reached");
                    }
                    checks.setProject(ctx, check.id(), to.id());
                    channels.setForCheck(ctx, check.id(), List.of());
                    channels.assignAll(ctx, to.id(), check.id());
                    Check moved = checks.findById(ctx, check.id()).orElseThrow();
                    return snapshot(ctx, moved);
                });
    }

    /**
     * Clears the check's event log: its pings, flips and notifications go, and it is new again,
     * with no last ping, run or alert time.
     */
    public CheckSnapshot clearEvents(Project project, UUID code) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    Check check = lockOwned(ctx, project, code);
                    checks.deleteEvents(ctx, check.id());
                    CheckState s =
                            check.state()
                                    .withLastPing(null)
                                    .withLastStart(null, null)
                                    .withAlertAfter(null)
                                    .withStatus(CheckStatus.NEW);
                    Check cleared = check.withState(s);
                    checks.update(ctx, cleared);
                    return snapshot(ctx, cleared);
                });
    }

    /** Deletes the check (its pings, flips and channel links go with it); returns it as it was. */
    public CheckSnapshot delete(Project project, UUID code) {
        return database.inTransactionRetrying(
                cfg -> {
                    DSLContext ctx = cfg.dsl();
                    CheckSnapshot before = snapshot(ctx, lockOwned(ctx, project, code));
                    checks.delete(ctx, before.check().id());
                    return before;
                });
    }

    private CheckSnapshot save(DSLContext ctx, Check check, CheckSpec spec, boolean slugFromName) {
        // channels are checked first, so a bad one leaves the check untouched
        List<Long> channelIds = resolveChannels(ctx, check.projectId(), spec.channels());
        Check updated = check.withConfig(spec.applyTo(check.config(), slugFromName));
        updated =
                updated.withState(
                        updated.state().withAlertAfter(StatusCalculator.goingDownAfter(updated)));
        checks.update(ctx, updated);
        return finish(ctx, updated, channelIds);
    }

    private CheckSnapshot finish(DSLContext ctx, Check check, List<Long> channelIds) {
        if (channelIds != null) {
            channels.setForCheck(ctx, check.id(), channelIds);
        }
        return snapshot(ctx, check);
    }

    private CheckSnapshot transition(DSLContext ctx, Check check, CheckState next) {
        Instant now = clock.instant();
        flips.insert(
                ctx,
                new FlipDraft(check.id(), now, check.state().status(), next.status(), ""),
                true);
        Check updated = check.withState(next);
        checks.update(ctx, updated);
        return snapshot(ctx, updated);
    }

    private CheckSnapshot snapshot(DSLContext ctx, Check check) {
        return new CheckSnapshot(check, channels.codesForCheck(ctx, check.id()));
    }

    /** Loads and locks the check, refusing unknown codes and checks of other projects. */
    private Check lockOwned(DSLContext ctx, Project project, UUID code) {
        Check check =
                checks.findByCodes(ctx, List.of(code), true).stream()
                        .findFirst()
                        .orElseThrow(
                                () -> new CheckRejectedException(Reason.NOT_FOUND, "not found"));
        if (check.projectId() != project.id()) {
            throw new CheckRejectedException(Reason.FORBIDDEN, "check belongs to another project");
        }
        return check;
    }

    /**
     * Returns the ids of the channels {@code spec} names, or null when it names none (leave the
     * channels alone). {@code "*"} is every channel of the project, {@code ""} none; anything else
     * is a comma-separated list of channel UUIDs or names, each matching exactly one channel of the
     * project.
     */
    private List<Long> resolveChannels(DSLContext ctx, long projectId, String spec) {
        if (spec == null) {
            return null;
        }
        if (spec.isEmpty()) {
            return List.of();
        }
        List<Channel> available = channels.listForProject(ctx, projectId);
        Set<Long> ids = new LinkedHashSet<>();
        if (spec.equals("*")) {
            available.forEach(c -> ids.add(c.id()));
            return new ArrayList<>(ids);
        }
        for (String identifier : spec.split(",", -1)) {
            if (identifier.isEmpty()) {
                throw new CheckRejectedException(Reason.BAD_CHANNELS, "empty channel identifier");
            }
            List<Channel> matches =
                    available.stream()
                            .filter(
                                    c ->
                                            c.code().toString().equals(identifier)
                                                    || c.name().equals(identifier))
                            .toList();
            if (matches.isEmpty()) {
                throw new CheckRejectedException(
                        Reason.BAD_CHANNELS, "invalid channel identifier: " + identifier);
            }
            if (matches.size() > 1) {
                throw new CheckRejectedException(
                        Reason.BAD_CHANNELS, "non-unique channel identifier: " + identifier);
            }
            ids.add(matches.get(0).id());
        }
        return new ArrayList<>(ids);
    }
}
