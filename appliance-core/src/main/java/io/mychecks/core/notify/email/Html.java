package io.mychecks.core.notify.email;

/**
 * Keeps {@code Html.escape} resolving for the message code of this package while it moves to
 * templates; the escaping itself is {@link io.mychecks.core.text.Html#escape}.
 */
final class Html {
    private Html() {}

    static String escape(String s) {
        return io.mychecks.core.text.Html.escape(s);
    }
}
