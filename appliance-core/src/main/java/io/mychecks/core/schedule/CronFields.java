package io.mychecks.core.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.model.field.value.IntegerFieldValue;
import com.cronutils.model.field.value.SpecialChar;
import com.cronutils.parser.CronParser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Returns a {@link CalendarPattern} for five cron fields, parsed by cron-utils with our own
 * definition and then turned into bit masks.
 *
 * <p>cron-utils checks the syntax and the value ranges; this class rejects what it lets through but
 * Debian cron does not have ({@code L-n}, {@code nL} in day of month, a bare {@code L} or {@code
 * #n} outside 1..5 in day of week, {@code a/n} without a range).
 */
final class CronFields {

    /** Five fields; months and weekdays arrive as numbers (names are replaced beforehand). */
    static final CronDefinition DEFINITION =
            CronDefinitionBuilder.defineCron()
                    .withMinutes()
                    .withValidRange(0, 59)
                    .withStrictRange()
                    .and()
                    .withHours()
                    .withValidRange(0, 23)
                    .withStrictRange()
                    .and()
                    .withDayOfMonth()
                    .withValidRange(1, 31)
                    .supportsL()
                    .supportsLW()
                    .withStrictRange()
                    .and()
                    .withMonth()
                    .withValidRange(1, 12)
                    .withStrictRange()
                    .and()
                    .withDayOfWeek()
                    .withValidRange(0, 7)
                    .withMondayDoWValue(1)
                    .withIntMapping(7, 0)
                    .supportsHash()
                    .supportsL()
                    .withStrictRange()
                    .and()
                    .instance();

    /** CronParser keeps only final state built in its constructor, so one can be shared. */
    private static final CronParser PARSER = new CronParser(DEFINITION);

    /** Lowest and highest value of each field as cron-utils checks a step against them. */
    private static final int[] FIELD_MIN = {0, 0, 1, 1, 0};

    private static final int[] FIELD_MAX = {59, 23, 31, 12, 7};

    /** A star or {@code a-b}, then a step; at most 9 digits so that the numbers fit an int. */
    private static final Pattern LONG_STEP =
            Pattern.compile("(?:\\*|(\\d{1,9})-(\\d{1,9}))/(\\d{1,9})");

    private static final String PARSER_PREFIX = "Failed to parse cron expression. ";

    /** What one field allows; the special parts are used by the two day fields only. */
    private static final class Field {
        final String name;
        long bits;
        boolean lastDay;
        boolean lastWeekday;
        final int[] nth = new int[7];
        int lastWeekdays;

        Field(String name) {
            this.name = name;
        }
    }

    private CronFields() {}

    /**
     * Returns the pattern of a cron expression whose names are already numbers.
     *
     * @param normalized five fields separated by single spaces
     * @param domStar whether the day-of-month field starts with {@code *}
     * @param dowStar whether the day-of-week field starts with {@code *}
     */
    static CalendarPattern toPattern(String normalized, boolean domStar, boolean dowStar)
            throws InvalidScheduleException {
        Cron cron;
        try {
            cron = PARSER.parse(withLongStepsShortened(normalized)).validate();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage()).replace(PARSER_PREFIX, "");
            throw new InvalidScheduleException("invalid cron expression: " + message, e);
        } catch (RuntimeException e) {
            // cron-utils fails this way on a few malformed inputs, such as "1#" in day of week.
            throw new InvalidScheduleException("invalid cron expression: malformed field", e);
        }
        Field minutes = collect(cron, CronFieldName.MINUTE, "minute", 0, 59);
        Field hours = collect(cron, CronFieldName.HOUR, "hour", 0, 23);
        Field days = collect(cron, CronFieldName.DAY_OF_MONTH, "day of month", 1, 31);
        Field months = collect(cron, CronFieldName.MONTH, "month", 1, 12);
        Field weekdays = collect(cron, CronFieldName.DAY_OF_WEEK, "day of week", 0, 6);
        // Sunday is both 0 and 7.
        int weekdayBits = (int) ((weekdays.bits | (weekdays.bits >>> 7)) & 0x7f);
        CronDayRule dayRule =
                new CronDayRule(
                        days.bits,
                        days.lastDay,
                        days.lastWeekday,
                        weekdayBits,
                        weekdays.nth,
                        weekdays.lastWeekdays,
                        domStar || dowStar);
        return new CalendarPattern(
                null, (int) months.bits, dayRule, (int) hours.bits, minutes.bits, 1L);
    }

    /**
     * Rewrites steps longer than cron-utils allows (a star with step 100 in minutes) to the one
     * value they select, the start of their range, as cronsim does. Parts that are not a star or an
     * {@code a-b} range inside the field's range, with a step, are left for cron-utils to judge.
     */
    static String withLongStepsShortened(String normalized) {
        String[] fields = normalized.split(" ");
        if (fields.length != FIELD_MIN.length) {
            return normalized;
        }
        for (int i = 0; i < fields.length; i++) {
            String[] parts = fields[i].split(",", -1);
            for (int j = 0; j < parts.length; j++) {
                parts[j] = shortenedStep(parts[j], FIELD_MIN[i], FIELD_MAX[i]);
            }
            fields[i] = String.join(",", parts);
        }
        return String.join(" ", fields);
    }

    private static String shortenedStep(String part, int min, int max) {
        Matcher m = LONG_STEP.matcher(part);
        if (!m.matches() || Integer.parseInt(m.group(3)) <= max) {
            return part;
        }
        if (m.group(1) == null) {
            return Integer.toString(min);
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        return from >= min && from <= to && to <= max ? Integer.toString(from) : part;
    }

    private static Field collect(Cron cron, CronFieldName fieldName, String name, int min, int max)
            throws InvalidScheduleException {
        Field field = new Field(name);
        add(field, cron.retrieve(fieldName).getExpression(), min, max);
        return field;
    }

    private static void add(Field field, FieldExpression expression, int min, int max)
            throws InvalidScheduleException {
        if (expression instanceof Always) {
            field.bits |= range(field, min, max, 1);
        } else if (expression instanceof And and) {
            for (FieldExpression part : and.getExpressions()) {
                add(field, part, min, max);
            }
        } else if (expression instanceof Between between) {
            field.bits |=
                    range(field, value(field, between.getFrom()), value(field, between.getTo()), 1);
        } else if (expression instanceof Every every) {
            int step = every.getPeriod().getValue();
            FieldExpression base = every.getExpression();
            if (base instanceof Always) {
                field.bits |= range(field, min, max, step);
            } else if (base instanceof Between between) {
                field.bits |=
                        range(
                                field,
                                value(field, between.getFrom()),
                                value(field, between.getTo()),
                                step);
            } else {
                throw invalid(field, "a step needs * or a range before it (a-b/n)");
            }
        } else if (expression instanceof On on) {
            addOn(field, on);
        } else {
            throw invalid(field, "unsupported syntax");
        }
    }

    private static void addOn(Field field, On on) throws InvalidScheduleException {
        int time = on.getTime().getValue();
        int nth = on.getNth().getValue();
        SpecialChar special = on.getSpecialChar().getValue();
        boolean dayOfMonth = field.name.equals("day of month");
        boolean dayOfWeek = field.name.equals("day of week");
        if (special == SpecialChar.NONE && nth < 0) {
            field.bits |= range(field, time, time, 1);
        } else if (dayOfMonth && special == SpecialChar.L && time < 0 && nth < 0) {
            field.lastDay = true;
        } else if (dayOfMonth && special == SpecialChar.LW && time < 0 && nth < 0) {
            field.lastWeekday = true;
        } else if (dayOfMonth && special == SpecialChar.L && nth >= 0) {
            throw invalid(field, "L-n is not supported");
        } else if (dayOfWeek && special == SpecialChar.HASH && time >= 0) {
            if (nth < 1 || nth > 5) {
                throw invalid(field, "#" + nth + " is out of range, use #1 to #5");
            }
            field.nth[time % 7] |= 1 << nth;
        } else if (dayOfWeek && special == SpecialChar.L && time >= 0 && nth < 0) {
            field.lastWeekdays |= 1 << (time % 7);
        } else if (dayOfWeek && special == SpecialChar.L) {
            throw invalid(field, "L needs a weekday before it (5L = the last Friday)");
        } else {
            throw invalid(field, "unsupported use of " + special);
        }
    }

    private static int value(Field field, FieldValue<?> value) throws InvalidScheduleException {
        if (value instanceof IntegerFieldValue integer) {
            return integer.getValue();
        }
        throw invalid(field, "special characters are not allowed in a range");
    }

    private static long range(Field field, int from, int to, int step)
            throws InvalidScheduleException {
        if (from > to) {
            throw invalid(field, "range " + from + "-" + to + " goes backwards");
        }
        if (from < 0 || to > 62 || step < 1) {
            throw invalid(field, "value out of range");
        }
        long bits = 0;
        for (int v = from; v <= to; v += step) {
            bits |= 1L << v;
        }
        return bits;
    }

    private static InvalidScheduleException invalid(Field field, String problem) {
        return new InvalidScheduleException(
                "invalid cron expression: " + field.name + ": " + problem);
    }
}
