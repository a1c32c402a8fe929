package io.mychecks.http.web.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.manage.CheckRejectedException;
import io.mychecks.core.manage.CheckSpec;
import io.mychecks.core.pings.Ping;
import io.mychecks.http.api.Json;
import io.mychecks.http.web.CheckForm;
import io.mychecks.http.web.CheckView;
import io.mychecks.http.web.EventView;
import io.mychecks.http.web.SchedulePreview;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The details page of a check and the actions on it. */
public final class CheckPages {
    static final int EVENTS_ON_DETAILS = 20;
    static final int EVENTS_ON_LOG = 1000;

    private CheckPages() {}

    /** {@code GET /checks/<code>/details/}. */
    public static void details(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), false);
        Check check = ca.check();
        Instant now = r.app().clock().instant();
        var snapshot = r.app().checkQueries().snapshot(check);
        var channels = r.app().channelService().list(ca.access().project());
        // read once: the events, the chart and the downtime table all come from these
        List<Ping> pings = r.app().checkQueries().pings(check);
        List<Flip> flips = r.app().checkQueries().flips(check, null, null);
        String pingKey = ca.access().project().pingKey();
        String endpoint = r.app().settings().pingEndpoint();
        r.render(
                "details.jte",
                r.chrome(check.config().name().isEmpty() ? "unnamed" : check.config().name())
                        .in(ca.access(), "checks"),
                "check",
                CheckView.of(check, snapshot.channelCodes().size(), now, r.zone()),
                "tz",
                check.config().tz(),
                "zoneName",
                r.zone().getId(),
                "uuidUrl",
                endpoint + check.code(),
                "slugUrl",
                pingKey == null || pingKey.isEmpty() || check.config().slug().isEmpty()
                        ? ""
                        : endpoint + pingKey + "/" + check.config().slug(),
                "emailAddress",
                emailAddress(r, check),
                "events",
                events(r, pings, flips, EVENTS_ON_DETAILS),
                "channels",
                channels,
                "assigned",
                snapshot.channelCodes(),
                "channelNames",
                channels.stream()
                        .collect(
                                java.util.stream.Collectors.toMap(
                                        c -> c.code(),
                                        c ->
                                                c.name().isEmpty()
                                                        ? IntegrationPages.target(r, c)
                                                        : c.name())),
                "canWrite",
                ca.access().role().canWrite(),
                "downtimes",
                downtimes(flips, check, now),
                "badgeBase",
                r.app().settings().siteRoot() + "/b/",
                "chart",
                chart(pings),
                "targets",
                r.app().projectAccess().projectsOf(r.user()).stream()
                        .filter(a -> a.role().canWrite() && a.project().id() != check.projectId())
                        .toList());
    }

    /** One month of a check's history: how often and how long it was down. */
    public record MonthView(String label, int downs, String total, String uptime) {}

    static List<MonthView> downtimes(List<Flip> history, Check check, Instant now) {
        java.time.YearMonth month = java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC));
        List<MonthView> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            java.time.YearMonth m = month.minusMonths(i);
            Instant from = m.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            Instant to =
                    m.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            if (!to.isAfter(check.created())) {
                break;
            }
            Instant start = from.isBefore(check.created()) ? check.created() : from;
            var d = io.mychecks.core.flips.Downtime.of(history, start, to, now);
            out.add(
                    new MonthView(
                            m.format(
                                    java.time.format.DateTimeFormatter.ofPattern(
                                            "MMMM yyyy", java.util.Locale.ENGLISH)),
                            d.downs(),
                            d.downs() == 0
                                    ? ""
                                    : io.mychecks.core.notify.HumanDuration.format(d.total()),
                            String.format(java.util.Locale.ROOT, "%.2f%%", d.uptimePercent())));
        }
        return out;
    }

    /**
     * "epoch seconds:duration seconds" pairs of the recent pings that measured a run, oldest first.
     */
    static String chart(List<Ping> pings) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.min(pings.size(), 200) - 1; i >= 0; i--) {
            Ping p = pings.get(i);
            if (p.durationMs() != null) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(p.created().getEpochSecond()).append(':').append(p.durationMs() / 1000.0);
            }
        }
        return sb.toString();
    }

    private static String emailAddress(WebRequest r, Check check) {
        String domain = r.app().settings().get("PING_EMAIL_DOMAIN");
        return domain == null || domain.isEmpty() ? "" : check.code() + "@" + domain;
    }

    static List<EventView> events(WebRequest r, List<Ping> pings, List<Flip> flips, int limit) {
        List<EventView> out = new ArrayList<>();
        for (Ping p : pings) {
            out.add(EventView.of(p, r.zone()));
        }
        for (Flip f : flips) {
            out.add(EventView.of(f, r.zone()));
        }
        out.sort(Comparator.comparing(EventView::at).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** {@code GET /checks/<code>/log/}: the full event log, filterable by event type. */
    public static void log(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), false);
        List<String> types = r.params("type");
        List<EventView> events =
                events(
                                r,
                                r.app().checkQueries().pings(ca.check()),
                                r.app().checkQueries().flips(ca.check(), null, null),
                                EVENTS_ON_LOG)
                        .stream()
                        .filter(e -> types.isEmpty() || types.contains(e.type()))
                        .toList();
        r.render(
                "log.jte",
                r.chrome("Log of " + ca.check().displayName()).in(ca.access(), "checks"),
                "check",
                CheckView.of(ca.check(), 0, r.app().clock().instant()),
                "events",
                events,
                "types",
                types,
                "zoneName",
                r.zone().getId());
    }

    /** {@code POST /checks/<code>/name/}: name, slug, tags, description. */
    public static void name(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        update(r, ca, CheckForm.parse(r, "name", "slug", "tags", "desc"));
    }

    /**
     * {@code POST /checks/<code>/timeout/}: the schedule (simple, cron or OnCalendar) and grace.
     */
    public static void timeout(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        String kind = r.param("kind");
        if (!List.of("simple", "cron", "oncalendar").contains(kind)) {
            throw WebError.badRequest("Pick simple, cron or OnCalendar.");
        }
        if (!kind.equals("simple")) {
            SchedulePreview.Result p =
                    SchedulePreview.of(
                            kind, r.param("schedule"), r.param("tz"), r.app().clock().instant(), 1);
            if (!p.valid()) {
                throw WebError.badRequest(p.error());
            }
        }
        update(r, ca, CheckForm.parse(r, "timeout", "grace", "schedule", "tz"));
    }

    /** {@code POST /checks/<code>/filtering_rules/}. */
    public static void filters(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        ObjectNode body = Json.object();
        body.put("filter_subject", r.param("filter_subject").equals("on"));
        body.put("filter_body", r.param("filter_body").equals("on"));
        body.put("filter_http_body", r.param("filter_http_body").equals("on"));
        body.put("filter_default_fail", r.param("filter_default_fail").equals("on"));
        body.put("manual_resume", r.param("manual_resume").equals("on"));
        body.put("methods", r.param("methods").equals("POST") ? "POST" : "");
        update(r, ca, CheckForm.parse(r, body, "start_kw", "success_kw", "failure_kw"));
    }

    private static void update(WebRequest r, WebRequest.CheckAccess ca, CheckSpec spec) {
        try {
            r.app().checkService().update(ca.access().project(), ca.check().code(), spec, false);
        } catch (CheckRejectedException e) {
            throw WebError.badRequest("The check could not be saved: " + e.getMessage() + ".");
        }
        r.redirect("/checks/" + ca.check().code() + "/details/");
    }

    /** {@code POST /checks/<code>/pause/}. */
    public static void pause(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        r.app().checkService().pause(ca.access().project(), ca.check().code());
        r.redirect(back(r, ca));
    }

    /** {@code POST /checks/<code>/resume/}: 400 when the check is not paused. */
    public static void resume(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        if (!ca.check().state().status().wire().equals("paused")) {
            throw WebError.badRequest("This check is not paused.");
        }
        r.app().checkService().resume(ca.access().project(), ca.check().code());
        r.redirect(back(r, ca));
    }

    private static String back(WebRequest r, WebRequest.CheckAccess ca) {
        return "list".equals(r.param("back"))
                ? "/projects/" + ca.access().project().code() + "/checks/"
                : "/checks/" + ca.check().code() + "/details/";
    }

    /** {@code POST /checks/<code>/copy/}: a copy in the same project, then its page. */
    public static void copy(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        try {
            var copy = r.app().checkService().copy(ca.access().project(), ca.check().code());
            r.redirect("/checks/" + copy.check().code() + "/details/");
        } catch (CheckRejectedException e) {
            throw WebError.badRequest("This project's owner has reached their check limit.");
        }
    }

    /** {@code POST /checks/<code>/transfer/}: project, another project the user may write to. */
    public static void transfer(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        java.util.UUID target;
        try {
            target = java.util.UUID.fromString(r.param("project"));
        } catch (IllegalArgumentException e) {
            throw WebError.badRequest("Pick a project.");
        }
        var to = r.project(target, true);
        try {
            r.app().checkService().transfer(ca.access().project(), ca.check().code(), to.project());
        } catch (CheckRejectedException e) {
            throw WebError.badRequest("The other project's owner has reached their check limit.");
        }
        r.redirect("/checks/" + ca.check().code() + "/details/");
    }

    /** {@code POST /checks/<code>/clear_events/}. */
    public static void clearEvents(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        r.app().checkService().clearEvents(ca.access().project(), ca.check().code());
        r.redirect("/checks/" + ca.check().code() + "/details/");
    }

    /** {@code POST /checks/<code>/remove/}. */
    public static void remove(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        r.app().checkService().delete(ca.access().project(), ca.check().code());
        r.redirect("/projects/" + ca.access().project().code() + "/checks/");
    }

    /** {@code POST /checks/cron_preview/}: JSON for the schedule dialog. */
    public static void preview(WebRequest r) {
        SchedulePreview.Result p =
                SchedulePreview.of(
                        r.param("kind"),
                        r.param("schedule"),
                        r.param("tz").isEmpty() ? "UTC" : r.param("tz"),
                        r.app().clock().instant(),
                        6);
        ObjectNode out = Json.object();
        out.put("valid", p.valid());
        out.put("error", p.error());
        out.put("description", p.description());
        var next = out.putArray("next");
        p.next().forEach(next::add);
        r.json(200, new String(Json.bytes(out), StandardCharsets.UTF_8));
    }

    /** {@code GET /checks/<code>/status/}: the details page's live part. */
    public static void status(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), false);
        CheckView v = CheckView.of(ca.check(), 0, r.app().clock().instant());
        ObjectNode out = Json.object();
        out.put("status", v.status());
        out.put("word", v.statusWord());
        out.put("last_ping", v.lastPingAgo());
        out.put("n_pings", ca.check().state().nPings());
        r.json(200, new String(Json.bytes(out), StandardCharsets.UTF_8));
    }

    /** {@code GET /checks/<code>/pings/<n>/body/}: a ping's body as a text download. */
    public static void pingBody(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), false);
        long n;
        try {
            n = Long.parseLong(r.path("n"));
        } catch (NumberFormatException e) {
            throw WebError.notFound();
        }
        byte[] body =
                r.app().checkQueries().pingBody(ca.check(), n).orElseThrow(WebError::notFound);
        var ex = r.exchange();
        ex.getResponseHeaders()
                .put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; charset=utf-8")
                .put(
                        io.undertow.util.Headers.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + ca.check().code() + "-" + n + ".txt\"")
                .put(io.undertow.util.Headers.CACHE_CONTROL, "no-store");
        ex.getResponseSender().send(java.nio.ByteBuffer.wrap(body));
    }
}
