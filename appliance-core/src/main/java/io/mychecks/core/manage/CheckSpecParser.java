package io.mychecks.core.manage;

import com.fasterxml.jackson.databind.JsonNode;
import io.mychecks.core.schedule.InvalidScheduleException;
import io.mychecks.core.schedule.Schedules;
import io.mychecks.core.schedule.TimeZones;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a create or update request body into a {@link CheckSpec}, as strictly as the reference: no
 * strings for numbers, no fractions for integers, no nulls, only true and false for booleans.
 * Unknown keys (such as {@code api_key}) are ignored.
 *
 * <p>Fields are checked in alphabetical order and only the first problem is reported, as {@code
 * json validation error: <field> <problem>}, the reference's wording.
 */
public final class CheckSpecParser {
    /** Shortest and longest period and grace time, in seconds (1 minute … 365 days). */
    public static final long MIN_SECONDS = 60;

    public static final long MAX_SECONDS = 31_536_000;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9_\\-]*$");
    private static final Set<String> UNIQUE_FIELDS =
            Set.of("name", "slug", "tags", "timeout", "grace");

    /** Schedules must fire at least once after this moment, as in the reference. */
    private static final Instant SCHEDULE_PROBE = Instant.parse("2000-01-01T00:00:00Z");

    private CheckSpecParser() {}

    /** Returns the spec in {@code body} (a JSON object), or throws with the first problem. */
    public static CheckSpec parse(JsonNode body) throws InvalidCheckSpecException {
        CheckSpec.Builder b = new CheckSpec.Builder();
        b.channels = string(body, "channels", NO_LIMIT);
        b.desc = string(body, "desc", NO_LIMIT);
        b.failureKw = string(body, "failure_kw", 200);
        b.filterBody = bool(body, "filter_body");
        b.filterDefaultFail = bool(body, "filter_default_fail");
        b.filterHttpBody = bool(body, "filter_http_body");
        b.filterSubject = bool(body, "filter_subject");
        b.grace = seconds(body, "grace");
        b.manualResume = bool(body, "manual_resume");
        b.methods = methods(body);
        b.name = string(body, "name", 100);
        b.schedule = schedule(body);
        b.slug = slug(body);
        b.startKw = string(body, "start_kw", 200);
        b.subject = string(body, "subject", 200);
        b.subjectFail = string(body, "subject_fail", 200);
        b.successKw = string(body, "success_kw", 200);
        b.tags = string(body, "tags", 500);
        b.timeout = seconds(body, "timeout");
        b.tz = tz(body);
        b.unique = unique(body);
        return b.build();
    }

    private static String string(JsonNode body, String field, int maxLength)
            throws InvalidCheckSpecException {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw error(field + " is not a string");
        }
        String value = node.textValue();
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store NUL in text; refuse it on both databases rather than fail
            // later
            throw error(field + " contains a NUL character");
        }
        // lengths count characters (code points), as the reference and PostgreSQL's varchar do
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw error(field + " is too long");
        }
        return value;
    }

    private static Boolean bool(JsonNode body, String field) throws InvalidCheckSpecException {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw error(field + " is not a boolean");
        }
        return node.booleanValue();
    }

    private static Long seconds(JsonNode body, String field) throws InvalidCheckSpecException {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isBoolean()) {
            // the reference's JSON booleans are integers 1 and 0, so they come out as too small
            value = node.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        } else {
            throw error(field + " is not a number");
        }
        if (value.compareTo(BigInteger.valueOf(MIN_SECONDS)) < 0) {
            throw error(field + " is too small");
        }
        if (value.compareTo(BigInteger.valueOf(MAX_SECONDS)) > 0) {
            throw error(field + " is too large");
        }
        return value.longValue();
    }

    private static String methods(JsonNode body) throws InvalidCheckSpecException {
        JsonNode node = body.get("methods");
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || !(node.textValue().isEmpty() || node.textValue().equals("POST"))) {
            throw error("methods has unexpected value");
        }
        return node.textValue();
    }

    private static String schedule(JsonNode body) throws InvalidCheckSpecException {
        String value = string(body, "schedule", 100);
        if (value != null && !fires(value)) {
            throw error("schedule is not a valid cron or OnCalendar expression");
        }
        return value;
    }

    /** True when the expression parses as the kind it looks like and fires at least once. */
    private static boolean fires(String expression) {
        try {
            return Schedules.parse(Schedules.guessKind(expression), expression, ZoneOffset.UTC)
                    .nextAfter(SCHEDULE_PROBE)
                    .isPresent();
        } catch (InvalidScheduleException | RuntimeException e) {
            return false;
        }
    }

    private static String slug(JsonNode body) throws InvalidCheckSpecException {
        String value = string(body, "slug", CheckSpec.MAX_SLUG);
        if (value != null && !SLUG.matcher(value).matches()) {
            throw error("slug does not match pattern");
        }
        return value;
    }

    private static String tz(JsonNode body) throws InvalidCheckSpecException {
        String value = string(body, "tz", NO_LIMIT);
        if (value == null) {
            return null;
        }
        Optional<ZoneId> zone = TimeZones.resolve(value);
        if (zone.isEmpty()) {
            throw error("tz is not a valid timezone");
        }
        return zone.get().getId();
    }

    private static List<String> unique(JsonNode body) throws InvalidCheckSpecException {
        JsonNode node = body.get("unique");
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw error("unique is not an array");
        }
        List<String> fields = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual() || !UNIQUE_FIELDS.contains(item.textValue())) {
                throw error("an item in 'unique' has unexpected value");
            }
            fields.add(item.textValue());
        }
        return fields;
    }

    private static InvalidCheckSpecException error(String problem) {
        return new InvalidCheckSpecException("json validation error: " + problem);
    }
}
