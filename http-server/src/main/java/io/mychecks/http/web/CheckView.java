package io.mychecks.http.web;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import io.mychecks.core.notify.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A check as the pages show it: its status as a word, its schedule and last ping in words.
 *
 * @param status the status class ({@code up}, {@code grace}, {@code down}, {@code new}, {@code
 *     paused}, {@code started})
 * @param statusWord the status for people ("late" for grace)
 */
public record CheckView(
        String code,
        String name,
        String slug,
        List<String> tags,
        String desc,
        String status,
        String statusWord,
        String kind,
        String schedule,
        String grace,
        String lastPingAgo,
        String lastPingExact,
        long lastPingMillis,
        String lastDuration,
        int channels,
        long created,
        CheckConfig config,
        String badgeKey) {
    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", java.util.Locale.ENGLISH);

    public static CheckView of(Check check, int channels, Instant now) {
        return of(check, channels, now, ZoneOffset.UTC);
    }

    /** The check as the pages show it, exact times in {@code zone} (the user's). */
    public static CheckView of(Check check, int channels, Instant now, java.time.ZoneId zone) {
        CheckConfig c = check.config();
        CheckStatus s = StatusCalculator.status(check, now, true);
        Instant last = check.state().lastPing();
        Long duration = check.state().lastDurationMs();
        return new CheckView(
                check.code().toString(),
                c.name(),
                c.slug(),
                c.tagList(),
                c.desc(),
                s.wire(),
                word(s),
                c.kind(),
                "simple".equals(c.kind())
                        ? HumanDuration.format(Duration.ofSeconds(c.timeout()))
                        : c.schedule(),
                HumanDuration.format(Duration.ofSeconds(c.grace())),
                ago(last, now),
                last == null ? "" : EXACT.format(last.atZone(zone)),
                last == null ? 0 : last.toEpochMilli(),
                duration == null ? "" : durationText(duration),
                channels,
                check.created().toEpochMilli(),
                c,
                check.badgeKey());
    }

    public String badgeKey() {
        return badgeKey;
    }

    public long timeoutSeconds() {
        return config.timeout();
    }

    public long graceSeconds() {
        return config.grace();
    }

    public String methods() {
        return config.methods();
    }

    public boolean filterSubject() {
        return config.filterSubject();
    }

    public boolean filterBody() {
        return config.filterBody();
    }

    public boolean filterHttpBody() {
        return config.filterHttpBody();
    }

    public boolean filterDefaultFail() {
        return config.filterDefaultFail();
    }

    public boolean manualResume() {
        return config.manualResume();
    }

    public String startKw() {
        return config.startKw();
    }

    public String successKw() {
        return config.successKw();
    }

    public String failureKw() {
        return config.failureKw();
    }

    /** The name, else "unnamed". */
    public String title() {
        return name.isEmpty() ? "unnamed" : name;
    }

    public boolean isCron() {
        return !"simple".equals(kind);
    }

    /** The status word people read, never colour alone. */
    public static String word(CheckStatus s) {
        return s == CheckStatus.GRACE ? "late" : s.wire();
    }

    /** "never", "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
    public static String ago(Instant t, Instant now) {
        if (t == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(t, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        return HumanDuration.format(Duration.ofSeconds(s)).replaceFirst("^(\\d+ \\w+).*$", "$1")
                + " ago";
    }

    static String durationText(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return HumanDuration.format(Duration.ofMillis(ms));
    }
}
