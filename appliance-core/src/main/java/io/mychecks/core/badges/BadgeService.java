package io.mychecks.core.badges;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Returns project and check badges, and the badge URLs of a project. Everything a caller cannot see
 * (a bad signature, an unknown key) is simply empty, so the web layer answers 404 without telling
 * which.
 */
public final class BadgeService {
    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final BadgeStore store = new BadgeStore();
    private final BadgeSigner signer;
    private final String masterLabel;
    private final String siteRoot;

    public BadgeService(Database database, Clock clock, CheckStore checks, Settings settings) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.signer = new BadgeSigner(settings.secretKey());
        this.masterLabel = settings.masterBadgeLabel();
        this.siteRoot = settings.siteRoot();
    }

    /**
     * Returns the badge of the checks tagged {@code tag} ({@code *}: all checks) in the project
     * with {@code badgeKey}, labelled with the tag (MASTER_BADGE_LABEL for all checks). Empty when
     * the signature does not verify or no project has the key (the reference would show a deleted
     * project's badge as "up" forever; a 404 says what happened).
     */
    public Optional<RenderedBadge> projectBadge(
            String badgeKey, String signature, String tag, BadgeFormat format) {
        Optional<BadgeMode> mode = signer.verify(badgeKey, tag, signature);
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> projectId = store.projectIdByBadgeKey(database.dsl(), badgeKey);
        if (projectId.isEmpty()) {
            return Optional.empty();
        }
        List<Check> projectChecks = checks.listForProject(database.dsl(), projectId.get());
        BadgeSummary summary = BadgeSummary.forTag(projectChecks, tag, mode.get(), clock.instant());
        String label = BadgeSummary.ALL.equals(tag) ? masterLabel : tag;
        return Optional.of(RenderedBadge.of(format, label, summary));
    }

    /** Returns the badge of the check with {@code badgeKey}, labelled with its name (or UUID). */
    public Optional<RenderedBadge> checkBadge(UUID badgeKey, BadgeMode mode, BadgeFormat format) {
        return store.checkByBadgeKey(database.dsl(), badgeKey)
                .map(
                        check ->
                                RenderedBadge.of(
                                        format,
                                        check.displayName(),
                                        BadgeSummary.of(List.of(check), mode, clock.instant())));
    }

    /** Returns the badge URLs of every tag of the project's checks and of {@code *}, by tag. */
    public SortedMap<String, BadgeUrls> urls(Project project) {
        SortedMap<String, BadgeUrls> out = new TreeMap<>();
        out.put(
                BadgeSummary.ALL,
                BadgeUrls.of(signer, siteRoot, project.badgeKey(), BadgeSummary.ALL));
        for (Check check : checks.listForProject(database.dsl(), project.id())) {
            for (String tag : check.config().tagList()) {
                out.computeIfAbsent(
                        tag, t -> BadgeUrls.of(signer, siteRoot, project.badgeKey(), t));
            }
        }
        return out;
    }
}
