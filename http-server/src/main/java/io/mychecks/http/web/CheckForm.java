package io.mychecks.http.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.manage.CheckSpec;
import io.mychecks.core.manage.CheckSpecParser;
import io.mychecks.core.manage.InvalidCheckSpecException;
import io.mychecks.http.api.Json;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the check forms of the web UI into the Management API's check request, so that both go
 * through one parser with one set of rules; its messages are worded for people here.
 */
public final class CheckForm {
    /** Seconds per unit of the value-and-unit inputs. */
    static final Map<String, Long> UNITS =
            Map.of("minutes", 60L, "hours", 3600L, "days", 86400L, "weeks", 604800L);

    private static final Map<String, String> FIELD_WORDS =
            Map.of(
                    "timeout", "The period",
                    "grace", "The grace time",
                    "schedule", "The schedule",
                    "tz", "The time zone",
                    "name", "The name",
                    "slug", "The slug",
                    "tags", "The tags",
                    "desc", "The description");

    private CheckForm() {}

    /**
     * Reads the named fields the form sent into a check request. {@code timeout} and {@code grace}
     * come as {@code <field>_value} and {@code <field>_unit}, or as {@code <field>} in seconds;
     * {@code kind} picks what of the schedule is read.
     *
     * @throws WebError 400 with a sentence for people when a value is wrong
     */
    public static CheckSpec parse(WebRequest r, String... fields) {
        return parse(r, Json.object(), fields);
    }

    /** As {@link #parse(WebRequest, String...)}, on top of {@code body}'s fields. */
    public static CheckSpec parse(WebRequest r, ObjectNode body, String... fields) {
        String kind = r.param("kind");
        for (String f : fields) {
            switch (f) {
                case "timeout", "grace" -> {
                    if (f.equals("timeout") && !(kind.isEmpty() || kind.equals("simple"))) {
                        continue;
                    }
                    Long s = seconds(r, f);
                    if (s != null) {
                        body.put(f, s);
                    }
                }
                case "schedule", "tz" -> {
                    if (kind.equals("cron") || kind.equals("oncalendar")) {
                        body.put(f, r.param(f).strip());
                    }
                }
                default -> {
                    if (!r.params(f).isEmpty()) {
                        body.put(f, f.equals("desc") ? r.param(f) : r.param(f).strip());
                    }
                }
            }
        }
        try {
            return CheckSpecParser.parse(body);
        } catch (InvalidCheckSpecException e) {
            throw WebError.badRequest(words(e.getMessage()));
        }
    }

    private static Long seconds(WebRequest r, String field) {
        String value = r.param(field + "_value").strip();
        String unit = r.param(field + "_unit");
        String raw = r.param(field).strip();
        if (value.isEmpty() && raw.isEmpty()) {
            return null;
        }
        try {
            if (!value.isEmpty()) {
                Long per = UNITS.get(unit);
                if (per == null) {
                    throw WebError.badRequest("Pick minutes, hours, days or weeks.");
                }
                double v = Double.parseDouble(value);
                if (!(v > 0) || v > 1e7) {
                    throw WebError.badRequest(
                            FIELD_WORDS.get(field) + " must be a positive number.");
                }
                return Math.round(v * per);
            }
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw WebError.badRequest(FIELD_WORDS.get(field) + " must be a number.");
        }
    }

    /** "timeout is too small" becomes "The period is too small (1 minute to 365 days)." */
    static String words(String raw) {
        String message = raw.replaceFirst("^json validation error: ", "");
        int space = message.indexOf(' ');
        String field = space < 0 ? message : message.substring(0, space);
        String who = FIELD_WORDS.get(field);
        String rest = space < 0 ? "" : message.substring(space);
        String text = who == null ? capitalise(message) : who + rest;
        if (rest.contains("too small") || rest.contains("too large")) {
            text += " (1 minute to 365 days)";
        }
        return text + ".";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
