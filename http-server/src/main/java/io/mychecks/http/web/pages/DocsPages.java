package io.mychecks.http.web.pages;

import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.util.List;
import java.util.Map;

/**
 * The documentation pages, written for Mychecks, with this site's real addresses filled in: open to
 * anyone, like the rest of a product's manual.
 */
public final class DocsPages {
    /** A page of the docs: its slug, its title. */
    public record Doc(String slug, String title) {}

    public static final List<Doc> PAGES =
            List.of(
                    new Doc("", "Introduction"),
                    new Doc("ping", "Ping API"),
                    new Doc("email", "Email pings"),
                    new Doc("cron", "Cron and OnCalendar"),
                    new Doc("api", "Management API"),
                    new Doc("badges", "Badges"));

    private static final Map<String, String> TEMPLATES =
            Map.of(
                    "", "docs/index.jte",
                    "ping", "docs/ping.jte",
                    "email", "docs/email.jte",
                    "cron", "docs/cron.jte",
                    "api", "docs/api.jte",
                    "badges", "docs/badges.jte");

    private DocsPages() {}

    /** The facts the docs fill in. */
    public record Site(
            String root, String pingEndpoint, String emailDomain, String bodyLimit, String name) {}

    public static void index(WebRequest r) {
        show(r, "");
    }

    public static void page(WebRequest r) {
        show(r, r.path("slug"));
    }

    private static void show(WebRequest r, String slug) {
        String template = TEMPLATES.get(slug);
        if (template == null) {
            throw WebError.notFound();
        }
        var settings = r.app().settings();
        var limit = settings.pingBodyLimit();
        Site site =
                new Site(
                        settings.siteRoot(),
                        settings.pingEndpoint(),
                        settings.get("PING_EMAIL_DOMAIN"),
                        limit.isPresent() ? String.format("%,d bytes", limit.getAsInt()) : "2.5 MB",
                        settings.siteName());
        String title =
                PAGES.stream().filter(d -> d.slug().equals(slug)).findFirst().orElseThrow().title();
        r.render(template, r.chrome(title), "site", site, "pages", PAGES, "current", slug);
    }
}
