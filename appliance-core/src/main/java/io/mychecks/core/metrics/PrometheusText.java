package io.mychecks.core.metrics;

import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckConfig;
import io.mychecks.core.checks.CheckStatsStore.StatusRow;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.checks.StatusCalculator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Writes a project's checks in the Prometheus text exposition format, with the reference's metric
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
 * open. The checks are read once per family and never held: only the tags are.
 */
public final class PrometheusText {
    /** A project's checks, which can be read more than once (once per family). */
    @FunctionalInterface
    public interface Rows {
        void forEach(Consumer<StatusRow> each);
    }

    private PrometheusText() {}

    /** Returns the exposition of {@code checks} at {@code now}. */
    public static String render(List<Check> checks, Instant now) {
        List<StatusRow> rows =
                checks.stream()
                        .map(
                                c ->
                                        new StatusRow(
                                                c.config().name(),
                                                c.config().tags(),
                                                c.uniqueKey(),
                                                c.state().lastStart() != null,
                                                StatusCalculator.status(c, now, false)))
                        .toList();
        StringWriter out = new StringWriter();
        try {
            write(out, rows::forEach);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the exposition of {@code rows} to {@code out}. */
    public static void write(Writer out, Rows rows) throws IOException {
        Map<String, Boolean> tagUp = new TreeMap<>();
        long[] totals = new long[2];
        header(out, true, "hc_check_up", "Whether the check is up (1) or down (0).");
        forEachLine(
                rows,
                r -> {
                    boolean up = r.status() != CheckStatus.DOWN;
                    for (String tag : CheckConfig.tagList(r.tags())) {
                        tagUp.merge(tag, up, Boolean::logicalAnd);
                    }
                    totals[0]++;
                    totals[1] += up ? 0 : 1;
                    sample(out, "hc_check_up", r, up);
                });
        perCheck(
                out,
                rows,
                "hc_check_started",
                "Whether the check has a run in progress (1) or not (0).",
                StatusRow::started);
        perCheck(
                out,
                rows,
                "hc_check_grace",
                "Whether the check is in its grace period (1) or not (0).",
                r -> r.status() == CheckStatus.GRACE);
        perCheck(
                out,
                rows,
                "hc_check_paused",
                "Whether the check is paused (1) or not (0).",
                r -> r.status() == CheckStatus.PAUSED);

        header(
                out,
                false,
                "hc_tag_up",
                "Whether every check with the tag is up (1) or some are down (0).");
        for (Map.Entry<String, Boolean> e : tagUp.entrySet()) {
            out.append("hc_tag_up{tag=\"")
                    .append(escape(e.getKey()))
                    .append("\"} ")
                    .append(e.getValue() ? "1" : "0")
                    .append('\n');
        }
        header(out, false, "hc_checks_total", "Number of checks in the project.");
        out.append("hc_checks_total ").append(Long.toString(totals[0])).append('\n');
        header(out, false, "hc_checks_down_total", "Number of checks that are down.");
        out.append("hc_checks_down_total ").append(Long.toString(totals[1])).append('\n');
    }

    /** A line writer that may fail with an IOException. */
    private interface Line {
        void write(StatusRow row) throws IOException;
    }

    private static void forEachLine(Rows rows, Line line) throws IOException {
        try {
            rows.forEach(
                    r -> {
                        try {
                            line.write(r);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void perCheck(
            Writer out, Rows rows, String family, String help, Predicate<StatusRow> one)
            throws IOException {
        header(out, false, family, help);
        forEachLine(rows, r -> sample(out, family, r, one.test(r)));
    }

    private static void sample(Writer out, String family, StatusRow r, boolean one)
            throws IOException {
        out.append(family)
                .append("{name=\"")
                .append(escape(r.name()))
                .append("\", tags=\"")
                .append(escape(r.tags()))
                .append("\", unique_key=\"")
                .append(r.uniqueKey())
                .append("\"} ")
                .append(one ? '1' : '0')
                .append('\n');
    }

    private static void header(Writer out, boolean first, String family, String help)
            throws IOException {
        if (!first) {
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
