package io.mychecks.core.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a line of text before it is logged or stored: check and other UUIDs (whoever
 * knows a check's UUID can ping it), API keys, ping keys in ping URLs and ping addresses, tokens
 * and keys in verification and metrics URLs, credentials and query strings in URLs, and the values
 * of credential headers. The last line of defence: code names checks by id and name in the first
 * place.
 */
public final class Redactor {
    private static final String HIDDEN = "<redacted>";

    /** A rule: what to find, and what to put in its place ($1… keep groups). */
    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES =
            List.of(
                    // UUIDs: check codes, channel and project codes
                    rule(
                            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b",
                            "<uuid>"),
                    // user:password@ in any URL
                    rule("(?i)\\b([a-z][a-z0-9+.-]{1,15}://)[^\\s/@?#]+@", "$1" + HIDDEN + "@"),
                    // values of query parameters, in URLs and in request lines, may be tokens
                    rule("([?&][A-Za-z0-9_.%-]+=)[^&\\s\"'<>#]+", "$1" + HIDDEN),
                    // /ping/<ping-key>/<slug>
                    rule("(/ping/)[a-z0-9_-]{16,}(/)", "$1" + HIDDEN + "$2"),
                    // <ping-key>+<slug>@domain
                    rule("\\b[a-z0-9_-]{16,}\\+([A-Za-z0-9_.-]+@)", HIDDEN + "+$1"),
                    // /integrations/<code>/verify/<token>/ and /projects/<code>/metrics/<key>
                    rule("(/verify/)[^/\\s]+", "$1" + HIDDEN),
                    rule("(/metrics/)[^/\\s?]+", "$1" + HIDDEN),
                    // API keys
                    rule("\\bhc[wr]_[A-Za-z0-9]{8,}", HIDDEN),
                    // credential headers written as "Name: value" or "name=value"
                    rule(
                            "(?i)\\b(authorization|proxy-authorization|cookie|set-cookie)"
                                    + "(\\s*:\\s*)[^\\r\\n\"]+",
                            "$1$2" + HIDDEN),
                    rule(
                            "(?i)\\b(x-api-key|api[_-]?key|password|passwd|secret|token)"
                                    + "(\\s*[:=]\\s*)[^\\s,;&\"]+",
                            "$1$2" + HIDDEN));

    private Redactor() {}

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** {@code text} with every secret it holds replaced; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement());
            }
        }
        return out;
    }
}
