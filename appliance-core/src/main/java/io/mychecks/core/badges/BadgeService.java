package io.mychecks.core.badges;

import io.mychecks.core.accounts.Project;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatsStore;
import io.mychecks.core.checks.CheckStatsStore.Tally;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.core.db.Database;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.time.Duration;
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
    /** A tally slower than this is kept for {@link #KEEP}. */
    private static final Duration SLOW = Duration.ofMillis(100);

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final Database database;
    private final Clock clock;
    private final CheckStore checks;
    private final CheckStatsStore stats = new CheckStatsStore();
    private final BadgeStore store = new BadgeStore();
    private final ScanLimiter scans;
    private final BadgeCache cache =
            new BadgeCache(SLOW.toNanos(), KEEP.toNanos(), System::nanoTime);
    private final BadgeSigner signer;
    private final String masterLabel;
    private final String siteRoot;

    /**
     * @param scans limits the project badges and badge lists computed at once (shared with other
     *     project-wide scans)
     */
    public BadgeService(
            Database database,
            Clock clock,
            CheckStore checks,
            ScanLimiter scans,
            Settings settings) {
        this.database = database;
        this.clock = clock;
        this.checks = checks;
        this.scans = scans;
        this.signer = new BadgeSigner(settings.secretKey());
        this.masterLabel = settings.masterBadgeLabel();
        this.siteRoot = settings.siteRoot();
    }

    /**
     * Returns the badge of the checks tagged {@code tag} ({@code *}: all checks) in the project
     * with {@code badgeKey}, labelled with the tag (MASTER_BADGE_LABEL for all checks). Empty when
     * the signature does not verify or no project has the key (the reference would show a deleted
     * project's badge as "up" forever; a 404 says what happened).
     *
     * <p>The counts come from SQL ({@link CheckStatsStore#tally}); requests for the same badge
     * while it is computed share the result, which is kept a few seconds when it was slow.
     *
     * @throws ScanLimiter.BusyException when too many project scans run already
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
        Tally tally =
                cache.get(
                        new BadgeCache.Key(projectId.get(), tag),
                        () ->
                                scans.run(
                                        () ->
                                                stats.tally(
                                                        database.dsl(),
                                                        projectId.get(),
                                                        BadgeSummary.ALL.equals(tag) ? null : tag,
                                                        tags -> BadgeSummary.hasTag(tags, tag),
                                                        clock.instant())));
        BadgeSummary summary =
                BadgeSummary.of(tally.total(), tally.grace(), tally.down(), mode.get());
        String label = BadgeSummary.ALL.equals(tag) ? masterLabel : tag;
        return Optional.of(RenderedBadge.of(format, label, summary));
    }

    /** Returns the badge of the check with {@code badgeKey}, labelled with its name (or UUID). */
    public Optional<RenderedBadge> checkBadge(UUID badgeKey, BadgeMode mode, BadgeFormat format) {
        return checks.findByBadgeKey(database.dsl(), badgeKey)
                .map(
                        check ->
                                RenderedBadge.of(
                                        format,
                                        check.displayName(),
                                        BadgeSummary.of(List.of(check), mode, clock.instant())));
    }

    /**
     * Returns the badge URLs of every tag of the project's checks and of {@code *}, by tag.
     *
     * @throws ScanLimiter.BusyException when too many project scans run already
     */
    public SortedMap<String, BadgeUrls> urls(Project project) {
        SortedMap<String, BadgeUrls> out = new TreeMap<>();
        out.put(
                BadgeSummary.ALL,
                BadgeUrls.of(signer, siteRoot, project.badgeKey(), BadgeSummary.ALL));
        scans.run(
                () -> {
                    stats.forEachDistinctTags(
                            database.dsl(),
                            project.id(),
                            tags -> {
                                for (String tag : CheckConfig.tagList(tags)) {
                                    out.computeIfAbsent(
                                            tag,
                                            t ->
                                                    BadgeUrls.of(
                                                            signer,
                                                            siteRoot,
                                                            project.badgeKey(),
                                                            t));
                                }
                            });
                    return null;
                });
        return out;
    }
}
