package io.mychecks.http.web;

import io.mychecks.http.server.ClientAddress;
import io.undertow.server.HttpHandler;

/**
 * The web UI's shared context: the appliance, how cookies are marked, the asset version. Wraps each
 * page in a {@link WebHandler} that reads the form, finds the session and checks the form token.
 */
public final class Web {
    /** Who may see a page, and how a visitor without a session is answered. */
    public enum Access {
        /** Anyone (log-in, sign-up, link pages). */
        ANYONE,
        /** Logged-in users; others are sent to the log-in page. */
        USER,
        /** Logged-in users; others get 403 (endpoints that pages call from script). */
        USER_API,
        /**
         * Anyone, without a form token: a signed token in the path authorises the POST (one-click
         * unsubscribe, which mail providers send without cookies).
         */
        SIGNED_LINK
    }

    private final WebServices app;
    private final ClientAddress clientAddress;
    private final boolean secureCookies;
    private final String assets;
    private final String proxyHeader;

    public Web(WebServices app, ClientAddress clientAddress, String assetsVersion) {
        this.app = app;
        this.clientAddress = clientAddress;
        this.secureCookies = app.settings().siteRoot().startsWith("https:");
        this.assets = assetsVersion;
        this.proxyHeader = ProxyUser.headerName(app.settings().get("REMOTE_USER_HEADER"));
    }

    /** The header an authenticating proxy names the user in, or null when none is set. */
    public String proxyHeader() {
        return proxyHeader;
    }

    /** The user the proxy names, made on first sight; null when the request names nobody. */
    public io.mychecks.core.accounts.User proxyUser(io.undertow.server.HttpServerExchange ex) {
        return ProxyUser.resolve(app, proxyHeader, ex);
    }

    public WebServices app() {
        return app;
    }

    public ClientAddress clientAddress() {
        return clientAddress;
    }

    public boolean secureCookies() {
        return secureCookies;
    }

    public String assets() {
        return assets;
    }

    /** A page for logged-in users. */
    public HttpHandler page(WebPage page) {
        return new WebHandler(this, page, Access.USER);
    }

    /** A page anyone may open. */
    public HttpHandler open(WebPage page) {
        return new WebHandler(this, page, Access.ANYONE);
    }

    /** A page whose POST is authorised by a signed token in its path, not by a form token. */
    public HttpHandler signedLink(WebPage page) {
        return new WebHandler(this, page, Access.SIGNED_LINK);
    }

    /** A script endpoint for logged-in users: 403 without a session. */
    public HttpHandler api(WebPage page) {
        return new WebHandler(this, page, Access.USER_API);
    }
}
