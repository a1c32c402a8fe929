package io.mychecks.core.notify;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The content most alert messages share (spec 6.2), as plain strings: each notifier lays these out
 * in its own format and escapes them for it. Times are shown in UTC.
 *
 * @param reason why the check went down in words, or "" (recoveries, unknown reasons)
 * @param downtime on recovery, how long the check was down in words; else ""
 * @param schedule "Period" and "Grace time", or "Schedule", "Time zone" and "Grace time"
 *     label/value pairs, in display order
 * @param lastPing the last ping in words ("never" when there is none)
 * @param lastPingBody the end of the last ping's body (at most {@code BODY_CHARS}); "" if none
 * @param detailsUrl the check's details page under SITE_ROOT, by its unique key
 */
public record AlertFacts(
        String name,
        CheckStatus status,
        String reason,
        String downtime,
        String project,
        List<String> tags,
        List<String[]> schedule,
        long totalPings,
        String lastPing,
        String lastPingBody,
        String flipTime,
        String detailsUrl,
        String siteName) {

    /** How much of the last ping body a message carries, counted from its end. */
    public static final int BODY_CHARS = 10_000;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** Collects the facts of {@code alert}. */
    public static AlertFacts of(Alert alert, Settings settings) {
        Check check = alert.check();
        CheckConfig c = check.config();
        String downtime =
                alert.status() == CheckStatus.UP && alert.downtime() != null
                        ? HumanDuration.format(alert.downtime())
                        : "";
        return new AlertFacts(
                check.displayName(),
                alert.status(),
                alert.status() == CheckStatus.DOWN ? reasonText(alert.reason()) : "",
                downtime,
                alert.projectName(),
                c.tagList(),
                schedule(c),
                check.state().nPings(),
                describe(alert.lastPing()),
                bodyTail(alert.lastPing()),
                time(alert.flipTime()),
                settings.siteRoot() + "/cloaked/" + check.uniqueKey() + "/",
                settings.siteName());
    }

    /** "down" or "up". */
    public String statusWord() {
        return status.wire();
    }

    /** "DOWN" or "UP". */
    public String statusTitle() {
        return status.wire().toUpperCase(Locale.ROOT);
    }

    public boolean isDown() {
        return status == CheckStatus.DOWN;
    }

    /** The first sentence of most messages: {@code The check "<name>" is now DOWN.} */
    public String headline() {
        return "The check \"" + name + "\" is now " + statusTitle() + ".";
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String reasonText(String reason) {
        return switch (reason == null ? "" : reason) {
            case "timeout" -> "no success ping arrived in time, and the grace time has run out";
            case "fail" -> "the check reported a failure";
            default -> "";
        };
    }

    private static List<String[]> schedule(CheckConfig c) {
        String grace = HumanDuration.format(Duration.ofSeconds(c.grace()));
        if ("simple".equals(c.kind())) {
            return List.of(
                    new String[] {"Period", HumanDuration.format(Duration.ofSeconds(c.timeout()))},
                    new String[] {"Grace time", grace});
        }
        return List.of(
                new String[] {"Schedule", c.schedule()},
                new String[] {"Time zone", c.tz()},
                new String[] {"Grace time", grace});
    }

    private static String describe(Ping p) {
        if (p == null) {
            return "never";
        }
        StringBuilder sb =
                new StringBuilder(p.kind().wire()).append(", ").append(time(p.created()));
        if (p.exitStatus() != null) {
            sb.append(", exit status ").append(p.exitStatus());
        }
        if (p.remoteAddr() != null && !p.remoteAddr().isEmpty()) {
            sb.append(", from ").append(p.remoteAddr());
        }
        if ("email".equals(p.scheme())) {
            sb.append(" by email");
        } else if (p.scheme() != null) {
            sb.append(" over ").append(p.scheme().toUpperCase(Locale.ROOT));
            if (p.method() != null && !p.method().isEmpty()) {
                sb.append(" ").append(p.method());
            }
        }
        return sb.toString();
    }

    /** The last ping's body as text (invalid UTF-8 replaced), cut to its last BODY_CHARS. */
    static String bodyTail(Ping p) {
        if (p == null || p.body() == null || p.body().length == 0) {
            return "";
        }
        String body = new String(p.body(), StandardCharsets.UTF_8);
        if (body.length() <= BODY_CHARS) {
            return body;
        }
        int start = body.length() - BODY_CHARS;
        // never start in the middle of a surrogate pair
        return body.substring(Character.isLowSurrogate(body.charAt(start)) ? start + 1 : start);
    }
}
