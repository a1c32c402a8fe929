package io.mychecks.core.schedule;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Returns parsed schedules by kind ({@code cron} or {@code oncalendar}), guesses the kind of an
 * expression as the API does, and caches parsed schedules for the ping hot path.
 */
public final class Schedules {

    /** The kind name of {@link CronSchedule}. */
    public static final String CRON = "cron";

    /** The kind name of {@link OnCalendarSchedule}. */
    public static final String ONCALENDAR = "oncalendar";

    /** The cache is emptied when it grows past this many schedules. */
    static final int CACHE_LIMIT = 10_000;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<Key, Schedule> CACHE = new ConcurrentHashMap<>();

    private record Key(String kind, String expression, String tz) {}

    private Schedules() {}

    /**
     * Returns the schedule of {@code expression} as the given kind, evaluated in {@code zone}.
     *
     * @throws InvalidScheduleException if the kind is unknown or the expression is invalid
     */
    public static Schedule parse(String kind, String expression, ZoneId zone)
            throws InvalidScheduleException {
        if (CRON.equals(kind)) {
            return CronSchedule.parse(expression, zone);
        }
        if (ONCALENDAR.equals(kind)) {
            return OnCalendarSchedule.parse(expression, zone);
        }
        throw new InvalidScheduleException(
                "unknown schedule kind '" + kind + "': use cron or oncalendar");
    }

    /**
     * Returns {@code cron} if {@code expression} is a single line of exactly five
     * whitespace-separated fields, else {@code oncalendar}.
     */
    public static String guessKind(String expression) {
        if (expression == null) {
            return ONCALENDAR;
        }
        String trimmed = expression.strip();
        if (trimmed.isEmpty() || trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            return ONCALENDAR;
        }
        return SPACES.split(trimmed).length == 5 ? CRON : ONCALENDAR;
    }

    /**
     * Returns the schedule of {@code expression} parsed as the kind {@link #guessKind} picks.
     *
     * @throws InvalidScheduleException if it is invalid as that kind; the message says why
     */
    public static Schedule parseGuessing(String expression, ZoneId zone)
            throws InvalidScheduleException {
        return parse(guessKind(expression), expression, zone);
    }

    /**
     * Returns the schedule for a stored check, parsing it only the first time it is asked for. Safe
     * to call from many threads.
     *
     * @param tz an IANA zone name, as {@link TimeZones#resolve} accepts
     * @throws InvalidScheduleException if the kind, expression or zone is invalid; stored schedules
     *     are validated when saved, so this signals corrupt data
     */
    public static Schedule cached(String kind, String expression, String tz)
            throws InvalidScheduleException {
        Key key = new Key(kind, expression, tz);
        Schedule schedule = CACHE.get(key);
        if (schedule != null) {
            return schedule;
        }
        ZoneId zone =
                TimeZones.resolve(tz)
                        .orElseThrow(
                                () ->
                                        new InvalidScheduleException(
                                                "unknown time zone '" + tz + "'"));
        schedule = parse(kind, expression, zone);
        if (CACHE.size() >= CACHE_LIMIT) {
            // Rarely reached: a simple bound beats an LRU here, the next calls refill it.
            CACHE.clear();
        }
        CACHE.putIfAbsent(key, schedule);
        return schedule;
    }

    /** Returns how many schedules the cache holds (for tests). */
    static int cacheSize() {
        return CACHE.size();
    }

    /** Empties the cache (for tests). */
    static void clearCache() {
        CACHE.clear();
    }
}
