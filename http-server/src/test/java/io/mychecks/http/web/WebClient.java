package io.mychecks.http.web;

import io.mychecks.http.testing.TestApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for handler tests: keeps cookies, follows no redirect, knows the form
 * token.
 */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final TestApp t;
    String csrf = "";

    record Page(int status, String body, String location) {}

    WebClient(TestApp t) {
        this.t = t;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(t.url(path))).GET());
    }

    /** POSTs the form with the current form token (taken from the last page seen). */
    Page post(String path, String... fields) {
        StringBuilder b = new StringBuilder("csrf=" + csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            b.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return postRaw(path, b.toString());
    }

    Page postRaw(String path, String body) {
        return send(
                HttpRequest.newBuilder(URI.create(t.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in by password through the form; returns the answer to the POST. */
    Page logIn(String email, String password) {
        get("/accounts/login/");
        return post("/accounts/login/", "action", "password", "email", email, "password", password);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r =
                    http.send(
                            b.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(
                    r.statusCode(),
                    r.body(),
                    r.headers()
                            .firstValue("Location")
                            .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                            .orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain (not super) user with this password hash, made straight in the database. */
    static io.mychecks.core.accounts.User newUser(TestApp t, String email, String passwordHash) {
        return t.app.database()
                .inTransaction(
                        cfg ->
                                t.app.users()
                                        .insert(
                                                cfg.dsl(),
                                                email,
                                                passwordHash,
                                                false,
                                                t.clock.instant()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
