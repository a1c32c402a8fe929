package io.mychecks.core.checks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.mychecks.core.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            write(buffer, check, version, readOnly, channelCodes, settings, now);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the JSON object of {@code check} at {@code now} to {@code g}: what {@link #render}
     * returns, field by field, for answers too large to hold in memory.
     */
    public static void write(
            JsonGenerator g,
            Check check,
            int version,
            boolean readOnly,
            List<UUID> channelCodes,
            Settings settings,
            Instant now)
            throws IOException {
        CheckConfig c = check.config();
        CheckState s = check.state();
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("slug", c.slug());
        g.writeStringField("tags", c.tags());
        g.writeStringField("desc", c.desc());
        g.writeNumberField("grace", c.grace());
        g.writeNumberField("n_pings", s.nPings());
        g.writeStringField("status", StatusCalculator.status(check, now, version == 1).wire());
        g.writeBooleanField("started", s.lastStart() != null);
        g.writeStringField("last_ping", iso(s.lastPing()));
        g.writeStringField("next_ping", iso(StatusCalculator.graceStart(check, true).orElse(null)));
        g.writeBooleanField("manual_resume", c.manualResume());
        g.writeStringField("methods", c.methods());
        g.writeStringField("subject", c.filterSubject() ? c.successKw() : "");
        g.writeStringField("subject_fail", c.filterSubject() ? c.failureKw() : "");
        g.writeStringField("start_kw", c.startKw());
        g.writeStringField("success_kw", c.successKw());
        g.writeStringField("failure_kw", c.failureKw());
        g.writeBooleanField("filter_subject", c.filterSubject());
        g.writeBooleanField("filter_body", c.filterBody());
        g.writeBooleanField("filter_http_body", c.filterHttpBody());
        g.writeBooleanField("filter_default_fail", c.filterDefaultFail());
        g.writeStringField("badge_url", settings.siteRoot() + "/b/2/" + check.badgeKey() + ".svg");
        if (s.lastDurationMs() != null && s.lastDurationMs() > 0) {
            g.writeNumberField("last_duration", s.lastDurationMs() / 1000);
        }
        if (readOnly) {
            g.writeStringField("unique_key", check.uniqueKey());
        } else {
            String api = settings.siteRoot() + "/api/v" + version + "/checks/" + check.code();
            g.writeStringField("uuid", check.code().toString());
            g.writeStringField("ping_url", settings.pingEndpoint() + check.code());
            g.writeStringField("update_url", api);
            g.writeStringField("pause_url", api + "/pause");
            g.writeStringField("resume_url", api + "/resume");
            g.writeStringField(
                    "channels",
                    channelCodes.stream()
                            .map(UUID::toString)
                            .sorted()
                            .collect(Collectors.joining(",")));
        }
        if ("simple".equals(c.kind())) {
            g.writeNumberField("timeout", c.timeout());
        } else {
            g.writeStringField("schedule", c.schedule());
            g.writeStringField("tz", c.tz());
        }
        g.writeEndObject();
    }

    private static String iso(Instant t) {
        return t == null ? null : ISO.format(t);
    }
}
