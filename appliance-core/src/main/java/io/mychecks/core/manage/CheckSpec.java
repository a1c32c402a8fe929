package io.mychecks.core.manage;

import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.Slugs;
import io.mychecks.core.schedule.Schedules;
import io.mychecks.core.text.Truncate;
import java.util.List;

/**
 * A validated create or update request of the Management API ({@link CheckSpecParser} builds it). A
 * null field was not sent and leaves the check's value alone.
 *
 * @param channels {@code "*"} (every channel of the project), {@code ""} (none), or channel UUIDs
 *     or names separated by commas; resolved by {@link CheckService}
 * @param tz a canonical zone name (legacy aliases already mapped)
 * @param unique on create: the fields that find an existing check to update instead
 */
public record CheckSpec(
        String channels,
        String desc,
        String failureKw,
        Boolean filterBody,
        Boolean filterDefaultFail,
        Boolean filterHttpBody,
        Boolean filterSubject,
        Long grace,
        Boolean manualResume,
        String methods,
        String name,
        String schedule,
        String slug,
        String startKw,
        String subject,
        String subjectFail,
        String successKw,
        String tags,
        Long timeout,
        String tz,
        List<String> unique) {

    /** The longest slug the database keeps. */
    static final int MAX_SLUG = 100;

    /**
     * The kind the request asks for: a schedule's kind, else "simple" if it sent a timeout, else
     * null.
     */
    public String kind() {
        if (schedule != null) {
            return Schedules.guessKind(schedule);
        }
        return timeout != null ? "simple" : null;
    }

    /** True when {@code unique} names at least one field and the request sent every one of them. */
    public boolean hasUniqueKey() {
        if (unique == null || unique.isEmpty()) {
            return false;
        }
        for (String field : unique) {
            Object value =
                    switch (field) {
                        case "name" -> name;
                        case "slug" -> slug;
                        case "tags" -> tags;
                        case "timeout" -> timeout;
                        case "grace" -> grace;
                        default -> null;
                    };
            if (value == null) {
                return false;
            }
        }
        return true;
    }

    /** Returns the value of a {@code unique} field if it is listed there, else null. */
    String uniqueValue(String field, String value) {
        return unique != null && unique.contains(field) ? value : null;
    }

    /** Returns the value of a {@code unique} field if it is listed there, else null. */
    Long uniqueValue(String field, Long value) {
        return unique != null && unique.contains(field) ? value : null;
    }

    /**
     * Returns {@code current} with the sent fields written over it.
     *
     * <ol>
     *   <li>A changed name; with {@code slugFromName} (API v1 and v2) the slug follows it.
     *   <li>A schedule sets the kind it looks like (cron or OnCalendar) and wins over a timeout; a
     *       timeout alone makes the check simple.
     *   <li>The deprecated {@code subject} and {@code subject_fail} set the success and failure
     *       keywords and turn subject filtering on when either keyword is non-empty.
     *   <li>Every other sent field, an explicit slug or keyword included, is copied last, so it
     *       wins over what the steps above derived.
     * </ol>
     */
    public CheckConfig applyTo(CheckConfig current, boolean slugFromName) {
        CheckConfig.Builder b = current.toBuilder();
        if (name != null && !name.equals(current.name())) {
            b.name = name;
            if (slugFromName) {
                String generated = Slugs.slugify(name);
                // NFKD may expand a character ("㎒" → "mhz"), so a 100-character name can give more
                b.slug = Truncate.toChars(generated, MAX_SLUG);
            }
        }
        String kind = kind();
        if ("simple".equals(kind)) {
            b.kind = kind;
            b.timeout = timeout;
        } else if (kind != null) {
            b.kind = kind;
            b.schedule = schedule;
        }
        if (subject != null) {
            b.successKw = subject;
            b.filterSubject = !b.successKw.isEmpty() || !b.failureKw.isEmpty();
        }
        if (subjectFail != null) {
            b.failureKw = subjectFail;
            b.filterSubject = !b.successKw.isEmpty() || !b.failureKw.isEmpty();
        }
        b.slug = or(slug, b.slug);
        b.tags = or(tags, b.tags);
        b.desc = or(desc, b.desc);
        b.manualResume = or(manualResume, b.manualResume);
        b.methods = or(methods, b.methods);
        b.tz = or(tz, b.tz);
        b.startKw = or(startKw, b.startKw);
        b.successKw = or(successKw, b.successKw);
        b.failureKw = or(failureKw, b.failureKw);
        b.filterSubject = or(filterSubject, b.filterSubject);
        b.filterBody = or(filterBody, b.filterBody);
        b.filterHttpBody = or(filterHttpBody, b.filterHttpBody);
        b.filterDefaultFail = or(filterDefaultFail, b.filterDefaultFail);
        b.grace = grace != null ? grace : b.grace;
        return b.build();
    }

    private static <T> T or(T sent, T current) {
        return sent != null ? sent : current;
    }

    /** A mutable spec the parser fills field by field. */
    public static final class Builder {
        public String channels,
                desc,
                failureKw,
                methods,
                name,
                schedule,
                slug,
                startKw,
                subject,
                subjectFail,
                successKw,
                tags,
                tz;
        public Boolean filterBody, filterDefaultFail, filterHttpBody, filterSubject, manualResume;
        public Long grace, timeout;
        public List<String> unique;

        public CheckSpec build() {
            return new CheckSpec(
                    channels,
                    desc,
                    failureKw,
                    filterBody,
                    filterDefaultFail,
                    filterHttpBody,
                    filterSubject,
                    grace,
                    manualResume,
                    methods,
                    name,
                    schedule,
                    slug,
                    startKw,
                    subject,
                    subjectFail,
                    successKw,
                    tags,
                    timeout,
                    tz,
                    unique == null ? null : List.copyOf(unique));
        }
    }
}
