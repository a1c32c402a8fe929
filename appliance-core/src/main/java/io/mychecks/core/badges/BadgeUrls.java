package io.mychecks.core.badges;

/**
 * The six signed URLs of one tag's badge, as the badges API lists them: SVG, JSON and Shields
 * endpoint JSON, each as the two-state badge (plain name) and the three-state badge (name ending in
 * 3).
 */
public record BadgeUrls(
        String svg, String svg3, String json, String json3, String shields, String shields3) {

    /** Returns the URLs of the badge for {@code tag} ({@code *}: all checks) of a project. */
    public static BadgeUrls of(BadgeSigner signer, String siteRoot, String badgeKey, String tag) {
        return new BadgeUrls(
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.SVG, BadgeMode.TWO_STATE),
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.SVG, BadgeMode.THREE_STATE),
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.JSON, BadgeMode.TWO_STATE),
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.JSON, BadgeMode.THREE_STATE),
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.SHIELDS, BadgeMode.TWO_STATE),
                url(signer, siteRoot, badgeKey, tag, BadgeFormat.SHIELDS, BadgeMode.THREE_STATE));
    }

    /**
     * Returns one absolute badge URL: {@code <site root>/badge/<badge key>/<signature>.<fmt>} for
     * all checks, {@code <site root>/badge/<badge key>/<signature>/<tag>.<fmt>} for a tag (the tag
     * written by {@link BadgeTagPath#encode}).
     */
    public static String url(
            BadgeSigner signer,
            String siteRoot,
            String badgeKey,
            String tag,
            BadgeFormat format,
            BadgeMode mode) {
        StringBuilder sb =
                new StringBuilder(siteRoot)
                        .append("/badge/")
                        .append(badgeKey)
                        .append('/')
                        .append(signer.signForUrl(badgeKey, tag, mode));
        if (!BadgeSummary.ALL.equals(tag)) {
            sb.append('/').append(BadgeTagPath.encode(tag));
        }
        return sb.append('.').append(format.extension()).toString();
    }
}
