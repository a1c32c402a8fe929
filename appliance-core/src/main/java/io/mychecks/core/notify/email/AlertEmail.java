package io.mychecks.core.notify.email;

import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.AlertFacts;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the alert email of spec 6.5 in our own words: subject {@code DOWN | <name>} or {@code UP
 * | <name>}, a plain-text body and an HTML body with the same content (every value escaped in the
 * HTML).
 */
final class AlertEmail {
    private AlertEmail() {}

    static OutgoingMail render(AlertFacts f, String to) {
        String subject = f.statusWord().toUpperCase(Locale.ROOT) + " | " + f.name();
        // RFC 3834: tells vacation responders not to answer alerts
        return new OutgoingMail(
                to, subject, text(f), html(f), Map.of("Auto-Submitted", "auto-generated"));
    }

    static String headline(AlertFacts f) {
        return "The check \""
                + f.name()
                + "\" is now "
                + f.statusWord().toUpperCase(Locale.ROOT)
                + ".";
    }

    static String text(AlertFacts f) {
        StringBuilder t = new StringBuilder();
        t.append(headline(f)).append("\n\n");
        if (!f.reason().isEmpty()) {
            t.append("Why: ").append(f.reason()).append(".\n");
        }
        if (!f.downtime().isEmpty()) {
            t.append("It was down for ").append(f.downtime()).append(".\n");
        }
        t.append("Status changed at: ").append(f.flipTime()).append("\n\n");
        t.append("Details on ")
                .append(f.siteName())
                .append(":\n")
                .append(f.detailsUrl())
                .append("\n\n");
        t.append("Project: ").append(f.project()).append("\n");
        if (!f.tags().isEmpty()) {
            t.append("Tags: ").append(String.join(" ", f.tags())).append("\n");
        }
        for (String[] row : f.schedule()) {
            t.append(row[0]).append(": ").append(row[1]).append("\n");
        }
        t.append("Total pings: ").append(f.totalPings()).append("\n");
        t.append("Last ping: ").append(f.lastPing()).append("\n");
        if (!f.lastPingBody().isEmpty()) {
            t.append("\nLast ping body:\n").append(f.lastPingBody()).append("\n");
        }
        t.append("\n-- \n").append(f.siteName()).append("\n");
        return t.toString();
    }

    static String html(AlertFacts f) {
        String color = f.statusWord().equals("down") ? "#d9534f" : "#22bc66";
        StringBuilder h =
                new StringBuilder(
                        "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; color: #222;\">\n");
        h.append("<h2 style=\"color: ")
                .append(color)
                .append(";\">")
                .append(Html.escape(headline(f)))
                .append("</h2>\n");
        if (!f.reason().isEmpty()) {
            h.append("<p><b>Why:</b> ").append(Html.escape(f.reason())).append(".</p>\n");
        }
        if (!f.downtime().isEmpty()) {
            h.append("<p>It was down for ").append(Html.escape(f.downtime())).append(".</p>\n");
        }
        h.append("<p><a href=\"")
                .append(Html.escape(f.detailsUrl()))
                .append("\">Details on ")
                .append(Html.escape(f.siteName()))
                .append("</a></p>\n<table cellpadding=\"4\">\n");
        row(h, "Project", f.project());
        if (!f.tags().isEmpty()) {
            row(h, "Tags", String.join(" ", f.tags()));
        }
        for (String[] r : f.schedule()) {
            row(h, r[0], r[1]);
        }
        row(h, "Total pings", String.valueOf(f.totalPings()));
        row(h, "Last ping", f.lastPing());
        row(h, "Status changed at", f.flipTime());
        h.append("</table>\n");
        if (!f.lastPingBody().isEmpty()) {
            h.append("<p><b>Last ping body:</b></p>\n<pre style=\"white-space: pre-wrap;\">")
                    .append(Html.escape(f.lastPingBody()))
                    .append("</pre>\n");
        }
        h.append("<p style=\"color: #888;\">")
                .append(Html.escape(f.siteName()))
                .append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th align=\"left\">")
                .append(Html.escape(label))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
