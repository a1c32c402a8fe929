package io.mychecks.http.web;

import java.util.regex.Pattern;

/**
 * Where to go after logging in: {@code next=} is followed only when it is a path of this site, so
 * that a crafted link cannot send a user elsewhere ("//evil.example", "/\evil", "https://…").
 */
public final class SafeNext {
    private static final Pattern INTERNAL = Pattern.compile("^/(?![/\\\\])[\\x21-\\x7e]*$");

    private SafeNext() {}

    public static String of(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return "/";
        }
        if (!INTERNAL.matcher(next).matches() || next.startsWith("/accounts/logout")) {
            return "/";
        }
        return next;
    }
}
