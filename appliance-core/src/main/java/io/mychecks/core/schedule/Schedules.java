package io.mychecks.core.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Interim: cron only, replaced by the full cron and OnCalendar implementation. */
public final class Schedules {
    private Schedules() {}

    public static Schedule parse(String kind, String expression, ZoneId zone) throws InvalidScheduleException {
        try {
            ExecutionTime et = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression));
            return after -> et.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
        } catch (RuntimeException e) {
            throw new InvalidScheduleException(e.getMessage());
        }
    }

    public static String guessKind(String expression) {
        return expression.split(" ", -1).length == 5 && !expression.contains("\n") ? "cron" : "oncalendar";
    }

    public static Schedule cached(String kind, String expression, String tz) throws InvalidScheduleException {
        return parse(kind, expression, ZoneId.of(tz));
    }
}
