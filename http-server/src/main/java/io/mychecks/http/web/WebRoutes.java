package io.mychecks.http.web;

import io.mychecks.core.notify.KindDescription;
import io.mychecks.http.server.ClientAddress;
import io.mychecks.http.server.Router;
import io.mychecks.http.web.pages.AccountPages;
import io.mychecks.http.web.pages.BadgesPage;
import io.mychecks.http.web.pages.CheckPages;
import io.mychecks.http.web.pages.ChecksPage;
import io.mychecks.http.web.pages.DocsPages;
import io.mychecks.http.web.pages.IntegrationPages;
import io.mychecks.http.web.pages.ProfilePage;
import io.mychecks.http.web.pages.ProjectPages;
import io.mychecks.http.web.pages.ProjectSettingsPage;
import io.mychecks.http.web.pages.SecurityPages;
import io.mychecks.http.web.pages.TvPage;

/** The web UI's routes, with the reference's paths so that bookmarks and docs carry over. */
public final class WebRoutes {
    private WebRoutes() {}

    public static void addTo(Router router, WebServices app) {
        StaticAssets assets = new StaticAssets();
        Web web = new Web(app, ClientAddress.fromSettings(app.settings()), assets.version());
        router.add("GET", "/static/{version}/{file}", assets);
        router.add("GET,HEAD", "/", web.open(AccountPages::index));
        router.add("GET,HEAD,POST", "/accounts/login/", web.open(AccountPages::login));
        router.add("GET,HEAD", "/accounts/login_link_sent/", web.open(AccountPages::linkSent));
        router.add(
                "GET,HEAD,POST",
                "/accounts/check_token/{token}/",
                web.open(AccountPages::checkToken));
        router.add("POST", "/accounts/logout/", web.open(AccountPages::logout));
        router.add("GET,HEAD,POST", "/accounts/signup/", web.open(AccountPages::signup));
        router.add("POST", "/accounts/theme/", web.open(AccountPages::theme));
        router.add("GET,HEAD,POST", "/accounts/profile/", web.page(ProfilePage::handle));
        router.add(
                "GET,HEAD,POST", "/accounts/login/two_factor/", web.open(SecurityPages::loginStep));
        router.add("GET,HEAD,POST", "/accounts/sudo/", web.page(SecurityPages::sudo));
        router.add("GET,HEAD,POST", "/accounts/two_factor/totp/", web.page(SecurityPages::setUp));
        router.add("POST", "/accounts/two_factor/totp/remove/", web.page(SecurityPages::remove));
        router.add(
                "GET,HEAD,POST",
                "/accounts/change_email/{token}/",
                web.open(ProfilePage::confirmEmail));
        router.add(
                "GET,HEAD,POST",
                "/accounts/unsubscribe_reports/{token}/",
                web.signedLink(ProfilePage::unsubscribe));

        router.add("POST", "/projects/add/", web.page(ProjectPages::add));
        router.add("GET,HEAD", "/projects/{code}/checks/", web.page(ChecksPage::show));
        router.add("GET", "/projects/{code}/checks/status/", web.api(ChecksPage::status));
        router.add("POST", "/projects/{code}/checks/add/", web.page(ChecksPage::add));

        router.add("GET,HEAD", "/checks/{code}/details/", web.page(CheckPages::details));
        router.add("GET,HEAD", "/checks/{code}/log/", web.page(CheckPages::log));
        router.add("GET", "/checks/{code}/status/", web.api(CheckPages::status));
        router.add("GET", "/checks/{code}/pings/{n}/body/", web.page(CheckPages::pingBody));
        router.add("POST", "/checks/{code}/name/", web.page(CheckPages::name));
        router.add("POST", "/checks/{code}/timeout/", web.page(CheckPages::timeout));
        router.add("POST", "/checks/{code}/filtering_rules/", web.page(CheckPages::filters));
        router.add("POST", "/checks/{code}/pause/", web.page(CheckPages::pause));
        router.add("POST", "/checks/{code}/resume/", web.page(CheckPages::resume));
        router.add("POST", "/checks/{code}/remove/", web.page(CheckPages::remove));
        router.add("POST", "/checks/{code}/copy/", web.page(CheckPages::copy));
        router.add("POST", "/checks/{code}/transfer/", web.page(CheckPages::transfer));
        router.add("POST", "/checks/{code}/clear_events/", web.page(CheckPages::clearEvents));
        router.add("POST", "/checks/cron_preview/", web.open(CheckPages::preview));
        router.add(
                "POST",
                "/checks/{code}/channels/{channel}/enabled",
                web.page(IntegrationPages::toggle));

        router.add(
                "GET,HEAD,POST",
                "/projects/{code}/settings/",
                web.page(ProjectSettingsPage::handle));
        router.add("GET,HEAD", "/projects/{code}/badges/", web.page(BadgesPage::show));
        router.add("GET,HEAD", "/docs/", web.open(DocsPages::index));
        router.add("GET,HEAD", "/docs/{slug}/", web.open(DocsPages::page));
        router.add("GET,HEAD", "/tv/", web.open(TvPage::show));
        router.add("GET,HEAD", "/projects/{code}/integrations/", web.page(IntegrationPages::list));
        for (KindDescription kind : app.notifiers().descriptions()) {
            String k = kind.kind();
            router.add(
                    "GET,HEAD,POST",
                    "/projects/{code}/add_" + k + "/",
                    web.page(r -> IntegrationPages.add(r, k)));
        }
        router.add("POST", "/integrations/{code}/test/", web.page(IntegrationPages::test));
        router.add("GET,HEAD,POST", "/integrations/{code}/edit/", web.page(IntegrationPages::edit));
        router.add(
                "GET,HEAD,POST",
                "/integrations/{code}/checks/",
                web.page(IntegrationPages::checks));
        router.add("POST", "/integrations/{code}/remove/", web.page(IntegrationPages::remove));
        router.add("POST", "/integrations/{code}/name/", web.page(IntegrationPages::rename));
    }
}
