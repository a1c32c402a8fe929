package io.mychecks.http.web.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.manage.CheckRejectedException;
import io.mychecks.core.manage.CheckSpec;
import io.mychecks.http.api.Json;
import io.mychecks.http.web.CheckForm;
import io.mychecks.http.web.CheckView;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/** The checks page of a project, its live status endpoint and "Add Check". */
public final class ChecksPage {
    static final Set<String> SORTS = Set.of("created", "name", "-name", "last_ping", "-last_ping");
    static final Set<String> STATUSES = Set.of("up", "grace", "down", "new", "paused", "started");

    private ChecksPage() {}

    /** The filter the query asks for: tags (all), statuses (any), a search text, a sort. */
    public record Filter(List<String> tags, List<String> statuses, String search, String sort) {
        boolean keeps(CheckView v) {
            if (!v.tags().containsAll(tags)) {
                return false;
            }
            if (!statuses.isEmpty() && !statuses.contains(v.status())) {
                return false;
            }
            if (search.isEmpty()) {
                return true;
            }
            String s = search.toLowerCase(Locale.ROOT);
            return v.name().toLowerCase(Locale.ROOT).contains(s)
                    || v.slug().toLowerCase(Locale.ROOT).contains(s)
                    || v.code().contains(s);
        }

        public boolean active() {
            return !tags.isEmpty() || !statuses.isEmpty() || !search.isEmpty();
        }

        public boolean hasTag(String t) {
            return tags.contains(t);
        }

        public boolean hasStatus(String s) {
            return statuses.contains(s);
        }
    }

    /** A tag of the project with the worst status among its checks. */
    public record TagView(String tag, String status, int down, int total) {}

    /** {@code GET /projects/<code>/checks/}. */
    public static void show(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), false);
        String urls = r.param("urls");
        if ((urls.equals("slug") || urls.equals("uuid")) && access.role().canWrite()) {
            r.app().projectAdmin().showSlugs(access.project(), urls.equals("slug"));
            access = r.project(access.project().code(), false);
        }
        Filter filter =
                new Filter(
                        r.params("tag"),
                        r.params("status").stream().filter(STATUSES::contains).toList(),
                        r.param("search").strip(),
                        SORTS.contains(r.param("sort")) ? r.param("sort") : "created");
        List<CheckView> all = views(r, access);
        TreeMap<String, int[]> tags = new TreeMap<>();
        for (CheckView v : all) {
            for (String t : v.tags()) {
                int[] n = tags.computeIfAbsent(t, k -> new int[3]);
                n[0]++;
                if (v.status().equals("down")) {
                    n[1]++;
                } else if (v.status().equals("grace")) {
                    n[2]++;
                }
            }
        }
        List<TagView> tagViews = new ArrayList<>();
        tags.forEach(
                (t, n) ->
                        tagViews.add(
                                new TagView(
                                        t,
                                        n[1] > 0 ? "down" : n[2] > 0 ? "grace" : "up",
                                        n[1],
                                        n[0])));
        List<CheckView> shown = new ArrayList<>(all.stream().filter(filter::keeps).toList());
        shown.sort(order(filter.sort()));
        List<Channel> channels = r.app().channelService().list(access.project());
        long down = all.stream().filter(v -> v.status().equals("down")).count();
        r.render(
                "checks.jte",
                r.chrome(access.project().name())
                        .in(access, "checks")
                        .withDownTitle(down > 0 ? down + " down" : ""),
                "checks",
                shown,
                "total",
                all.size(),
                "tags",
                tagViews,
                "filter",
                filter,
                "noChannels",
                channels.isEmpty(),
                "failing",
                channels.stream()
                        .filter(c -> c.lastError() != null && !c.lastError().isEmpty())
                        .map(Channel::name)
                        .toList(),
                "pingUrl",
                r.app().settings().pingEndpoint(),
                "showSlugs",
                access.project().showSlugs(),
                "ambiguous",
                all.stream()
                        .map(CheckView::slug)
                        .filter(s -> !s.isEmpty())
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        s -> s, java.util.stream.Collectors.counting()))
                        .entrySet()
                        .stream()
                        .filter(e -> e.getValue() > 1)
                        .map(java.util.Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    static List<CheckView> views(WebRequest r, ProjectAccess.Access access) {
        Instant now = r.app().clock().instant();
        List<CheckView> out = new ArrayList<>();
        r.app()
                .checkQueries()
                .forEach(
                        access.project(),
                        Set.of(),
                        null,
                        s ->
                                out.add(
                                        CheckView.of(
                                                s.check(),
                                                s.channelCodes().size(),
                                                now,
                                                r.zone())));
        return out;
    }

    /** Down checks first, then the chosen order. */
    static Comparator<CheckView> order(String sort) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        Comparator<CheckView> byName = Comparator.comparing(CheckView::title, collator);
        Comparator<CheckView> then =
                switch (sort) {
                    case "name" -> byName;
                    case "-name" -> byName.reversed();
                    case "last_ping" ->
                            Comparator.comparingLong(CheckView::lastPingMillis).reversed();
                    case "-last_ping" -> Comparator.comparingLong(CheckView::lastPingMillis);
                    default -> Comparator.comparingLong(CheckView::created);
                };
        return Comparator.comparingInt((CheckView v) -> v.status().equals("down") ? 0 : 1)
                .thenComparing(then);
    }

    /** {@code GET /projects/<code>/checks/status/}: what the page's script refreshes. */
    public static void status(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), false);
        List<CheckView> all = views(r, access);
        ObjectNode out = Json.object();
        ArrayNode details = out.putArray("details");
        int down = 0;
        for (CheckView v : all) {
            ObjectNode d = details.addObject();
            d.put("code", v.code());
            d.put("status", v.status());
            d.put("word", v.statusWord());
            d.put("last_ping", v.lastPingAgo());
            d.put("last_ping_exact", v.lastPingExact());
            d.put("last_duration", v.lastDuration());
            d.put("started", v.status().equals("started"));
            if (v.status().equals("down")) {
                down++;
            }
        }
        out.put("down", down);
        out.put(
                "title",
                (down > 0 ? down + " down – " : "")
                        + access.project().name()
                        + " – "
                        + r.app().settings().siteName());
        r.json(200, new String(Json.bytes(out), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code POST /projects/<code>/checks/add/}. */
    public static void add(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), true);
        ObjectNode allChannels = Json.object().put("channels", "*");
        CheckSpec spec =
                CheckForm.parse(
                        r,
                        allChannels,
                        "name",
                        "slug",
                        "tags",
                        "desc",
                        "timeout",
                        "grace",
                        "schedule",
                        "tz");
        try {
            var created = r.app().checkService().create(access.project(), spec, false);
            r.redirect("/checks/" + created.snapshot().check().code() + "/details/");
        } catch (CheckRejectedException e) {
            throw WebError.badRequest(
                    e.reason() == CheckRejectedException.Reason.LIMIT_REACHED
                            ? "This project's owner has reached their check limit."
                            : "The check could not be created: " + e.getMessage() + ".");
        }
    }
}
