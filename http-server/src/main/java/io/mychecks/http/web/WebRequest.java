package io.mychecks.http.web;

import io.mychecks.core.accounts.LoginSession;
import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.User;
import io.mychecks.core.checks.Check;
import io.mychecks.http.server.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One request to the web UI as a page sees it: its fields (form first, then query), the session and
 * user (null when logged out), and the ways to answer: a page, a redirect, JSON, an error.
 */
public final class WebRequest {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'; object-src 'none'";

    private final Web web;
    private final HttpServerExchange ex;
    private final Map<String, List<String>> form;
    private final LoginSession session;
    private final User user;
    private final LoginSession pending;
    private String anonymousCsrf;

    WebRequest(
            Web web,
            HttpServerExchange ex,
            Map<String, List<String>> form,
            LoginSession session,
            User user,
            LoginSession pending) {
        this.web = web;
        this.ex = ex;
        this.form = form;
        this.session = session;
        this.user = user;
        this.pending = pending;
    }

    /** A session that waits for its second factor (this browser passed the first), or null. */
    public LoginSession pendingSession() {
        return pending;
    }

    /** True when an authenticating proxy logs users in (REMOTE_USER_HEADER). */
    public boolean proxyLogIn() {
        return web.proxyHeader() != null;
    }

    public WebServices app() {
        return web.app();
    }

    public HttpServerExchange exchange() {
        return ex;
    }

    public LoginSession session() {
        return session;
    }

    /** The logged-in user; pages for users only never see null. */
    public User user() {
        return user;
    }

    public boolean isPost() {
        return ex.getRequestMethod().toString().equals("POST");
    }

    /** The first value of a form field, else of the query parameter, else "". */
    public String param(String name) {
        List<String> f = form.get(name);
        if (f != null && !f.isEmpty()) {
            return f.get(0);
        }
        Deque<String> q = ex.getQueryParameters().get(name);
        return q == null || q.isEmpty() ? "" : q.getFirst();
    }

    /** Every value of a form field or query parameter. */
    public List<String> params(String name) {
        List<String> f = form.get(name);
        if (f != null) {
            return f;
        }
        Deque<String> q = ex.getQueryParameters().get(name);
        return q == null ? List.of() : List.copyOf(q);
    }

    /** The names of the form's fields. */
    public java.util.Set<String> formFields() {
        return form.keySet();
    }

    /** A path parameter of the route. */
    public String path(String name) {
        String v = io.mychecks.http.server.Router.param(ex, name);
        return v == null ? "" : v;
    }

    /** A UUID path parameter; 404 when it is not one. */
    public UUID uuid(String name) {
        String v = path(name);
        if (!UUID_TEXT.matcher(v).matches()) {
            throw WebError.notFound();
        }
        return UUID.fromString(v);
    }

    public String pathAndQuery() {
        String q = ex.getQueryString();
        return ex.getRequestPath() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    public String clientAddress() {
        return web.clientAddress().trusted(ex);
    }

    /** The form token for this visitor: the session's, or a cookie's for visitors not logged in. */
    public String csrf() {
        if (session != null) {
            return session.csrfToken();
        }
        if (pending != null) {
            return pending.csrfToken();
        }
        if (anonymousCsrf == null) {
            anonymousCsrf = Cookies.anonymousCsrf(ex);
            if (anonymousCsrf == null) {
                anonymousCsrf = Cookies.newToken();
                Cookies.set(
                        ex, Cookies.CSRF, anonymousCsrf, Duration.ofDays(1), web.secureCookies());
            }
        }
        return anonymousCsrf;
    }

    /** The user's time zone, for the times pages show; UTC when none or unknown. */
    public java.time.ZoneId zone() {
        if (user == null) {
            return java.time.ZoneOffset.UTC;
        }
        return io.mychecks.core.schedule.TimeZones.resolve(user.tz())
                .orElse(java.time.ZoneOffset.UTC);
    }

    /** The layout's facts for a page titled {@code title}. */
    public Chrome chrome(String title) {
        return new Chrome(
                app().settings().siteName(),
                title,
                user == null ? null : user.email(),
                csrf(),
                web.assets(),
                null,
                "",
                Cookies.theme(ex),
                "");
    }

    /** The project {@code code} names, if the user may open it (404 otherwise), and may write. */
    public ProjectAccess.Access project(UUID code, boolean write) {
        Optional<ProjectAccess.Access> a = app().projectAccess().open(user, code);
        if (a.isEmpty()) {
            throw WebError.notFound();
        }
        if (write && !a.get().role().canWrite()) {
            throw WebError.forbidden();
        }
        return a.get();
    }

    /** A check with the user's access to its project; 404 when unknown or foreign, 403 to write. */
    public CheckAccess check(UUID code, boolean write) {
        Check check =
                app().checks()
                        .findByCode(app().database().dsl(), code)
                        .orElseThrow(WebError::notFound);
        var project =
                app().projects()
                        .findById(app().database().dsl(), check.projectId())
                        .flatMap(p -> app().projectAccess().open(user, p))
                        .orElseThrow(WebError::notFound);
        if (write && !project.role().canWrite()) {
            throw WebError.forbidden();
        }
        return new CheckAccess(check, project);
    }

    /** A check and the user's access to the project it belongs to. */
    public record CheckAccess(Check check, ProjectAccess.Access access) {}

    /** Answers the page template {@code name} with status 200. */
    public void render(String name, Chrome chrome, Object... params) {
        render(200, name, chrome, params);
    }

    /** Answers the page template {@code name}: {@code params} are name, value pairs. */
    public void render(int status, String name, Chrome chrome, Object... params) {
        Map<String, Object> p = new HashMap<>();
        p.put("chrome", chrome);
        for (int i = 0; i + 1 < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        byte[] body = Templates.render(name, p).toByteArray();
        htmlHeaders();
        ex.setStatusCode(status);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private void htmlHeaders() {
        ex.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, "text/html; charset=utf-8")
                .put(Headers.CACHE_CONTROL, "no-store")
                .put(Headers.CONTENT_SECURITY_POLICY, CSP);
    }

    /** An error page with the error's status and sentence. */
    void error(WebError e) {
        if (ex.isResponseStarted()) {
            ex.endExchange();
            return;
        }
        if (wantsJson()) {
            ex.setStatusCode(e.status());
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getResponseSender()
                    .send(
                            ByteBuffer.wrap(
                                    io.mychecks.http.api.Json.bytes(
                                            Map.of("error", e.getMessage()))));
            return;
        }
        render(e.status(), "error.jte", chrome(title(e.status())), "message", e.getMessage());
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 429 -> "Too many requests";
            default -> "Something is wrong";
        };
    }

    private boolean wantsJson() {
        String accept = ex.getRequestHeaders().getFirst(Headers.ACCEPT);
        return accept != null && accept.startsWith("application/json");
    }

    /** Answers 303 See Other to {@code location}, a path of this site. */
    public void redirect(String location) {
        ex.setStatusCode(303);
        ex.getResponseHeaders().put(Headers.LOCATION, location);
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        ex.endExchange();
    }

    /** Answers JSON text. */
    public void json(int status, String json) {
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        Responses.json(ex, status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a session for a user who just logged in, and answers a redirect to {@code next}. */
    public void logInAndRedirect(LoginSessions.Opened opened, String next) {
        Cookies.set(
                ex, Cookies.SESSION, opened.token(), LoginSessions.LIFETIME, web.secureCookies());
        if (opened.session().secondFactorPending()) {
            redirect("/accounts/login/two_factor/?next=" + Cookies.urlEncode(SafeNext.of(next)));
            return;
        }
        redirect(SafeNext.of(next));
    }

    /** Swaps this browser's session cookie for a new session (after a password change). */
    public void replaceSession(LoginSessions.Opened opened) {
        Cookies.set(
                ex, Cookies.SESSION, opened.token(), LoginSessions.LIFETIME, web.secureCookies());
    }

    /** Sends the user through sudo mode first, unless the session is in it; true when it is. */
    public boolean sudo(String back) {
        if (proxyLogIn() || app().sudoMode().active(session)) {
            return true;
        }
        redirect("/accounts/sudo/?next=" + Cookies.urlEncode(back));
        return false;
    }

    /** Ends the session in this browser. */
    public void logOut() {
        String token = Cookies.session(ex);
        if (token != null) {
            app().loginSessions().close(token);
        }
        Cookies.clear(ex, Cookies.SESSION, web.secureCookies());
    }

    /** Remembers the theme choice in a cookie. */
    public void setTheme(String theme) {
        Cookies.set(ex, Cookies.THEME, theme, Duration.ofDays(365 * 5), web.secureCookies());
    }
}
