package io.mychecks.core.metrics;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Returns a project's checks in the Prometheus text exposition format, with the reference's metric
 * families and labels. Every family has {@code # HELP} and {@code # TYPE … gauge} lines; families
 * are separated by an empty line.
 *
 * <ul>
 *   <li>{@code hc_check_up}, {@code hc_check_started}, {@code hc_check_grace}, {@code
 *       hc_check_paused}: one sample per check (ordered as given, by id), labelled {@code name},
 *       {@code tags}, {@code unique_key}, value 1 or 0;
 *   <li>{@code hc_tag_up}: per tag, in sorted order, 0 if any check with the tag is down;
 *   <li>{@code hc_checks_total}, {@code hc_checks_down_total}.
 * </ul>
 *
 * Statuses are {@link StatusCalculator#status} without "started"; a check is started while a run is
 * open.
 */
public final class PrometheusText {
    private PrometheusText() {}

    /** Returns the exposition of {@code checks} at {@code now}. */
    public static String render(List<Check> checks, Instant now) {
        Map<Check, CheckStatus> status = new IdentityHashMap<>();
        checks.forEach(c -> status.put(c, StatusCalculator.status(c, now, false)));
        StringBuilder out = new StringBuilder(256 + checks.size() * 400);
        perCheck(
                out,
                "hc_check_up",
                "Whether the check is up (1) or down (0).",
                checks,
                c -> status.get(c) != CheckStatus.DOWN);
        perCheck(
                out,
                "hc_check_started",
                "Whether the check has a run in progress (1) or not (0).",
                checks,
                c -> c.state().lastStart() != null);
        perCheck(
                out,
                "hc_check_grace",
                "Whether the check is in its grace period (1) or not (0).",
                checks,
                c -> status.get(c) == CheckStatus.GRACE);
        perCheck(
                out,
                "hc_check_paused",
                "Whether the check is paused (1) or not (0).",
                checks,
                c -> status.get(c) == CheckStatus.PAUSED);

        Map<String, Boolean> tagUp = new TreeMap<>();
        for (Check c : checks) {
            for (String tag : c.config().tagList()) {
                tagUp.merge(tag, status.get(c) != CheckStatus.DOWN, Boolean::logicalAnd);
            }
        }
        header(
                out,
                "hc_tag_up",
                "Whether every check with the tag is up (1) or some are down (0).");
        tagUp.forEach(
                (tag, up) ->
                        out.append("hc_tag_up{tag=\"")
                                .append(escape(tag))
                                .append("\"} ")
                                .append(up ? 1 : 0)
                                .append('\n'));

        long down = status.values().stream().filter(s -> s == CheckStatus.DOWN).count();
        header(out, "hc_checks_total", "Number of checks in the project.");
        out.append("hc_checks_total ").append(checks.size()).append('\n');
        header(out, "hc_checks_down_total", "Number of checks that are down.");
        out.append("hc_checks_down_total ").append(down).append('\n');
        return out.toString();
    }

    private static void perCheck(
            StringBuilder out,
            String family,
            String help,
            List<Check> checks,
            Predicate<Check> one) {
        header(out, family, help);
        for (Check c : checks) {
            out.append(family)
                    .append("{name=\"")
                    .append(escape(c.config().name()))
                    .append("\", tags=\"")
                    .append(escape(c.config().tags()))
                    .append("\", unique_key=\"")
                    .append(c.uniqueKey())
                    .append("\"} ")
                    .append(one.test(c) ? 1 : 0)
                    .append('\n');
        }
    }

    private static void header(StringBuilder out, String family, String help) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append("# HELP ").append(family).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(family).append(" gauge\n");
    }

    /** Escapes a label value: backslash, double quote and line feed, as the format requires. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
