package io.mychecks.core.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.settings.Settings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A check as the Management API shows it (and the webhook {@code $JSON} placeholder sends): the
 * reference's keys, in its order, for API version 1, 2 or 3. A read-only key sees {@code
 * unique_key} instead of the UUID and URLs.
 */
public final class CheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private CheckJson() {}

    /**
     * Returns the JSON object of {@code check} at {@code now}.
     *
     * @param channelCodes the codes of the check's channels (read-write view only)
     */
    public static ObjectNode render(
            Check check,
            int version,
            boolean readOnly,
            List<UUID> channelCodes,
            Settings settings,
            Instant now) {
        CheckConfig c = check.config();
        CheckState s = check.state();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.name());
        o.put("slug", c.slug());
        o.put("tags", c.tags());
        o.put("desc", c.desc());
        o.put("grace", c.grace());
        o.put("n_pings", s.nPings());
        o.put("status", StatusCalculator.status(check, now, version == 1).wire());
        o.put("started", s.lastStart() != null);
        o.put("last_ping", iso(s.lastPing()));
        o.put("next_ping", iso(StatusCalculator.graceStart(check, true).orElse(null)));
        o.put("manual_resume", c.manualResume());
        o.put("methods", c.methods());
        o.put("subject", c.filterSubject() ? c.successKw() : "");
        o.put("subject_fail", c.filterSubject() ? c.failureKw() : "");
        o.put("start_kw", c.startKw());
        o.put("success_kw", c.successKw());
        o.put("failure_kw", c.failureKw());
        o.put("filter_subject", c.filterSubject());
        o.put("filter_body", c.filterBody());
        o.put("filter_http_body", c.filterHttpBody());
        o.put("filter_default_fail", c.filterDefaultFail());
        o.put("badge_url", settings.siteRoot() + "/b/2/" + check.badgeKey() + ".svg");
        if (s.lastDurationMs() != null && s.lastDurationMs() > 0) {
            o.put("last_duration", s.lastDurationMs() / 1000);
        }
        if (readOnly) {
            o.put("unique_key", check.uniqueKey());
        } else {
            String api = settings.siteRoot() + "/api/v" + version + "/checks/" + check.code();
            o.put("uuid", check.code().toString());
            o.put("ping_url", settings.pingEndpoint() + check.code());
            o.put("update_url", api);
            o.put("pause_url", api + "/pause");
            o.put("resume_url", api + "/resume");
            o.put(
                    "channels",
                    channelCodes.stream()
                            .map(UUID::toString)
                            .sorted()
                            .collect(Collectors.joining(",")));
        }
        if ("simple".equals(c.kind())) {
            o.put("timeout", c.timeout());
        } else {
            o.put("schedule", c.schedule());
            o.put("tz", c.tz());
        }
        return o;
    }

    private static String iso(Instant t) {
        return t == null ? null : ISO.format(t);
    }
}
