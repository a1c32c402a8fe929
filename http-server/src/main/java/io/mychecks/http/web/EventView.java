package io.mychecks.http.web;

import io.mychecks.core.flips.Flip;
import io.mychecks.core.pings.Ping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of a check's event log: a ping (with how it came) or a status change.
 *
 * @param type {@code success}, {@code fail}, {@code start}, {@code log}, {@code ign} or {@code
 *     flip}
 */
public record EventView(
        long n,
        Instant at,
        String time,
        String type,
        String word,
        String summary,
        String method,
        String source,
        String ua,
        String rid,
        String duration,
        String exitStatus) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", java.util.Locale.ENGLISH);

    public static EventView of(Ping p) {
        return of(p, ZoneOffset.UTC);
    }

    public static EventView of(Flip f) {
        return of(f, ZoneOffset.UTC);
    }

    /** A ping, its time shown in {@code zone}. */
    public static EventView of(Ping p, java.time.ZoneId zone) {
        String kind = p.kind().wire();
        String word =
                switch (kind) {
                    case "success" -> "OK";
                    case "fail" -> "Failure";
                    case "start" -> "Started";
                    case "log" -> "Log";
                    default -> "Ignored";
                };
        String source =
                "email".equals(p.scheme())
                        ? "email from " + p.remoteAddr()
                        : p.scheme() + " from " + p.remoteAddr();
        return new EventView(
                p.n(),
                p.created(),
                TIME.format(p.created().atZone(zone)),
                kind,
                word,
                p.body() == null ? "" : preview(p.body()),
                p.method() == null ? "" : p.method(),
                source,
                p.ua() == null ? "" : p.ua(),
                p.rid() == null ? "" : p.rid(),
                p.durationMs() == null ? "" : CheckView.durationText(p.durationMs()),
                p.exitStatus() == null ? "" : String.valueOf(p.exitStatus()));
    }

    /** A status change, its time shown in {@code zone}. */
    public static EventView of(Flip f, java.time.ZoneId zone) {
        String summary =
                "Status changed from "
                        + CheckView.word(f.oldStatus())
                        + " to "
                        + CheckView.word(f.newStatus())
                        + (f.reason() == null || f.reason().isEmpty()
                                ? ""
                                : " (" + f.reason() + ")");
        return new EventView(
                0,
                f.created(),
                TIME.format(f.created().atZone(zone)),
                "flip",
                CheckView.word(f.newStatus()),
                summary,
                "",
                "",
                "",
                "",
                "",
                "");
    }

    public String iso() {
        return at.toString();
    }

    private static String preview(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
