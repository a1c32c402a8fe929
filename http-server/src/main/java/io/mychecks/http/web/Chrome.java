package io.mychecks.http.web;

import io.mychecks.core.accounts.ProjectAccess;

/**
 * What the layout of every page needs: the site, the page title, who is logged in, the form token,
 * the asset version and the project the page belongs to (null outside projects).
 *
 * @param tab the project tab the page is on ({@code checks}, {@code integrations}, {@code
 *     settings}); "" elsewhere
 * @param theme {@code light}, {@code dark} or {@code system}
 */
public record Chrome(
        String siteName,
        String title,
        String userEmail,
        String csrf,
        String assets,
        ProjectAccess.Access project,
        String tab,
        String theme,
        String downTitle) {

    public boolean loggedIn() {
        return userEmail != null;
    }

    /** The path of a static asset, with the version that lets browsers cache it for good. */
    public String asset(String file) {
        return "/static/" + assets + "/" + file;
    }

    /** The same chrome on another project tab. */
    public Chrome in(ProjectAccess.Access p, String tab) {
        return new Chrome(siteName, title, userEmail, csrf, assets, p, tab, theme, downTitle);
    }

    public Chrome titled(String t) {
        return new Chrome(siteName, t, userEmail, csrf, assets, project, tab, theme, downTitle);
    }

    /** The window title: the page's, then the site's. */
    public String windowTitle() {
        String base = title == null || title.isEmpty() ? siteName : title + " – " + siteName;
        return downTitle == null || downTitle.isEmpty() ? base : downTitle + " – " + base;
    }

    public Chrome withDownTitle(String d) {
        return new Chrome(siteName, title, userEmail, csrf, assets, project, tab, theme, d);
    }
}
