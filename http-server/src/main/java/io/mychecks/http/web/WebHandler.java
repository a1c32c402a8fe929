package io.mychecks.http.web;

import io.mychecks.core.accounts.LoginSession;
import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.User;
import io.mychecks.http.server.BoundedBody;
import io.mychecks.http.server.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@link WebPage}: receives the form (at most {@link #MAX_FORM} bytes), dispatches to a
 * worker, finds the session from its cookie, sends visitors without one to the log-in page, refuses
 * a POST whose form token does not match (403), and turns a {@link WebError} into an error page.
 */
final class WebHandler implements HttpHandler {
    static final int MAX_FORM = 256 * 1024;
    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    private final Web web;
    private final WebPage page;
    private final Web.Access access;

    WebHandler(Web web, WebPage page, Web.Access access) {
        this.web = web;
        this.page = page;
        this.access = access;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
            if (ex.getRequestMethod().equals(Methods.POST)) {
                BoundedBody.receive(
                        ex,
                        MAX_FORM,
                        MAX_FORM,
                        (e, bytes) -> {
                            e.putAttachment(BODY, bytes);
                            e.dispatch(this);
                        },
                        e -> Responses.text(e, 413, "The form is too large."));
            } else {
                ex.dispatch(this);
            }
            return;
        }
        boolean post = ex.getRequestMethod().equals(Methods.POST);
        if (!post
                && !ex.getRequestMethod().equals(Methods.GET)
                && !ex.getRequestMethod().equals(Methods.HEAD)) {
            ex.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD, POST");
            Responses.text(ex, 405, "method not allowed");
            return;
        }
        Map<String, java.util.List<String>> form =
                post ? FormBody.parse(ex, ex.getAttachment(BODY)) : Map.of();
        Optional<LoginSession> found =
                Optional.ofNullable(Cookies.session(ex))
                        .flatMap(token -> web.app().loginSessions().find(token));
        // a session still waiting for its second factor opens nothing but that page
        LoginSession pending = found.filter(LoginSession::secondFactorPending).orElse(null);
        Optional<LoginSession> session = found.filter(s -> !s.secondFactorPending());
        User user;
        WebRequest request;
        try {
            if (web.proxyHeader() != null) {
                user = web.proxyUser(ex);
                session = Optional.empty();
            } else {
                user =
                        session.flatMap(
                                        s ->
                                                web.app()
                                                        .users()
                                                        .findById(
                                                                web.app().database().dsl(),
                                                                s.userId()))
                                .orElse(null);
            }
        } catch (WebError e) {
            new WebRequest(web, ex, form, null, null, null).error(e);
            return;
        }
        request =
                new WebRequest(
                        web,
                        ex,
                        form,
                        user == null || session.isEmpty() ? null : session.get(),
                        user,
                        pending);
        try {
            if (user == null && access != Web.Access.ANYONE && access != Web.Access.SIGNED_LINK) {
                if (access == Web.Access.USER_API) {
                    throw new WebError(403, "Log in first.");
                }
                if (web.proxyHeader() != null) {
                    throw new WebError(
                            403,
                            "This site logs users in through its authenticating proxy, and this"
                                    + " request did not come through it.");
                }
                request.redirect(
                        "/accounts/login/?next=" + Cookies.urlEncode(request.pathAndQuery()));
                return;
            }
            if (post && access != Web.Access.SIGNED_LINK && !csrfMatches(request)) {
                throw new WebError(
                        403,
                        "This form has expired or was sent from another site. Reload the page and"
                                + " try again.");
            }
            page.handle(request);
        } catch (WebError e) {
            request.error(e);
        }
    }

    private static boolean csrfMatches(WebRequest r) {
        String presented = r.param("csrf");
        if (presented.isEmpty()) {
            presented =
                    Optional.ofNullable(r.exchange().getRequestHeaders().getFirst("X-CSRF-Token"))
                            .orElse("");
        }
        if (r.session() != null) {
            return LoginSessions.csrfMatches(r.session(), presented);
        }
        if (r.pendingSession() != null) {
            return LoginSessions.csrfMatches(r.pendingSession(), presented);
        }
        String cookie = Cookies.anonymousCsrf(r.exchange());
        return cookie != null
                && !presented.isEmpty()
                && java.security.MessageDigest.isEqual(
                        cookie.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
