package io.mychecks.core.checks;

/**
 * What a user sets on a check: its names, schedule and filters. Durations are seconds.
 *
 * @param kind {@code simple}, {@code cron} or {@code oncalendar}
 * @param methods {@code ""} (any HTTP method counts) or {@code "POST"}
 */
public record CheckConfig(
        String name,
        String slug,
        String tags,
        String desc,
        String kind,
        long timeout,
        long grace,
        String schedule,
        String tz,
        boolean filterSubject,
        boolean filterBody,
        boolean filterHttpBody,
        boolean filterDefaultFail,
        String startKw,
        String successKw,
        String failureKw,
        String methods,
        boolean manualResume) {

    /** The configuration of a new check: period 1 day, grace 1 hour, cron "* * * * *" UTC. */
    public static CheckConfig defaults() {
        return new CheckConfig(
                "",
                "",
                "",
                "",
                "simple",
                86400,
                3600,
                "* * * * *",
                "UTC",
                false,
                false,
                false,
                false,
                "",
                "",
                "",
                "",
                false);
    }

    /** Returns a builder seeded with this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The tags as a list, split on white space. */
    public java.util.List<String> tagList() {
        return tagList(tags);
    }

    /** The tags of a tags field, split on white space (see {@link #tagList()}). */
    public static java.util.List<String> tagList(String tags) {
        return tags.isBlank() ? java.util.List.of() : java.util.List.of(tags.trim().split("\\s+"));
    }

    /** A mutable copy used to apply partial updates. */
    public static final class Builder {
        public String name,
                slug,
                tags,
                desc,
                kind,
                schedule,
                tz,
                startKw,
                successKw,
                failureKw,
                methods;
        public long timeout, grace;
        public boolean filterSubject, filterBody, filterHttpBody, filterDefaultFail, manualResume;

        Builder(CheckConfig c) {
            name = c.name;
            slug = c.slug;
            tags = c.tags;
            desc = c.desc;
            kind = c.kind;
            timeout = c.timeout;
            grace = c.grace;
            schedule = c.schedule;
            tz = c.tz;
            filterSubject = c.filterSubject;
            filterBody = c.filterBody;
            filterHttpBody = c.filterHttpBody;
            filterDefaultFail = c.filterDefaultFail;
            startKw = c.startKw;
            successKw = c.successKw;
            failureKw = c.failureKw;
            methods = c.methods;
            manualResume = c.manualResume;
        }

        public CheckConfig build() {
            return new CheckConfig(
                    name,
                    slug,
                    tags,
                    desc,
                    kind,
                    timeout,
                    grace,
                    schedule,
                    tz,
                    filterSubject,
                    filterBody,
                    filterHttpBody,
                    filterDefaultFail,
                    startKw,
                    successKw,
                    failureKw,
                    methods,
                    manualResume);
        }
    }
}
