package io.mychecks.http.web.pages;

import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.badges.BadgeUrls;
import io.mychecks.http.web.WebRequest;
import java.util.SortedMap;

/** {@code /projects/<code>/badges/}: the signed badge URLs of the project and of each tag. */
public final class BadgesPage {
    private BadgesPage() {}

    public static void show(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), false);
        SortedMap<String, BadgeUrls> urls = r.app().badges().urls(access.project());
        r.render(
                "badges.jte",
                r.chrome("Badges").in(access, "badges"),
                "urls",
                urls,
                "siteRoot",
                r.app().settings().siteRoot());
    }
}
