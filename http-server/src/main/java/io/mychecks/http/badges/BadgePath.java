package io.mychecks.http.badges;

import io.mychecks.core.badges.BadgeFormat;
import io.mychecks.core.badges.BadgeMode;
import io.mychecks.core.badges.BadgeSummary;
import io.mychecks.core.badges.BadgeTagPath;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses the path segments of badge URLs (as the server hands them over, percent-decoded once).
 * Anything that does not parse is a 404 for the caller.
 */
final class BadgePath {
    private static final Pattern SLUG = Pattern.compile("[-a-zA-Z0-9_]+");
    private static final Pattern UUID_LOWER =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** {@code /badge/<badge key>/<signature>[/<tag>].<fmt>}. */
    record ProjectBadge(String badgeKey, String signature, String tag, BadgeFormat format) {}

    /** {@code /b/<states>/<check badge key>.<fmt>}. */
    record CheckBadge(BadgeMode mode, UUID badgeKey, BadgeFormat format) {}

    /** A name and a format split at the last dot of {@code <name>.<fmt>}. */
    private record File(String name, BadgeFormat format) {}

    private BadgePath() {}

    /** Parses {@code /badge/<key>/<sig>/<tag>.<fmt>}. */
    static Optional<ProjectBadge> tagged(String badgeKey, String signature, String file) {
        if (!slug(badgeKey) || !slug(signature)) {
            return Optional.empty();
        }
        return file(file)
                .flatMap(
                        f ->
                                BadgeTagPath.decode(f.name())
                                        .map(
                                                tag ->
                                                        new ProjectBadge(
                                                                badgeKey,
                                                                signature,
                                                                tag,
                                                                f.format())));
    }

    /** Parses {@code /badge/<key>/<sig>.<fmt>}, the badge of all checks. */
    static Optional<ProjectBadge> all(String badgeKey, String file) {
        if (!slug(badgeKey)) {
            return Optional.empty();
        }
        return file(file)
                .filter(f -> slug(f.name()))
                .map(f -> new ProjectBadge(badgeKey, f.name(), BadgeSummary.ALL, f.format()));
    }

    /** Parses {@code /b/<states>/<uuid>.<fmt>}. */
    static Optional<CheckBadge> check(String states, String file) {
        Optional<BadgeMode> mode = BadgeMode.fromStates(states);
        Optional<File> f = file(file).filter(x -> UUID_LOWER.matcher(x.name()).matches());
        if (mode.isEmpty() || f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new CheckBadge(mode.get(), UUID.fromString(f.get().name()), f.get().format()));
    }

    private static Optional<File> file(String file) {
        int dot = file == null ? -1 : file.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return BadgeFormat.fromExtension(file.substring(dot + 1))
                .map(fmt -> new File(file.substring(0, dot), fmt));
    }

    private static boolean slug(String s) {
        return s != null && SLUG.matcher(s).matches();
    }
}
