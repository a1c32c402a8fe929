package io.mychecks.core.reports;

import java.util.List;

/**
 * The model of the report and nag emails ({@code email/report.jte}).
 *
 * @param periods the two periods the downtime columns cover, newest first ("November 2026")
 * @param nag true for a reminder that lists only the checks still down
 */
public record ReportMessage(
        String siteName,
        String title,
        String summary,
        List<String> periods,
        List<Section> projects,
        String unsubscribeLink,
        String profileLink,
        boolean nag) {

    /** One project's checks. */
    public record Section(String name, List<Row> rows) {}

    /** One check: its status and, per period, its downtime in words ("" for none). */
    public record Row(String name, String status, List<String> downtimes, String link) {}
}
