package io.mychecks.http.web.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.channels.ChannelConfigs;
import io.mychecks.core.notify.ConfigField;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.FieldError;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.notify.KindDescription;
import io.mychecks.http.api.Json;
import io.mychecks.http.web.WebError;
import io.mychecks.http.web.WebRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The integrations page of a project: its channels, and the add form of each kind, built from the
 * fields the kind declares through the notifier SPI, so that new kinds need no page of their own.
 */
public final class IntegrationPages {
    private IntegrationPages() {}

    /** A channel on the list. */
    public record ChannelRow(Channel channel, String label, String target, int checks) {}

    /** {@code GET /projects/<code>/integrations/}. */
    public static void list(WebRequest r) {
        ProjectAccess.Access access = r.project(r.uuid("code"), false);
        Map<Long, Integer> counts = r.app().channelService().checkCounts(access.project());
        Map<String, String> labels = new HashMap<>();
        for (KindDescription d : r.app().notifiers().descriptions()) {
            labels.put(d.kind(), d.label());
        }
        List<ChannelRow> rows =
                r.app().channelService().list(access.project()).stream()
                        .map(
                                c ->
                                        new ChannelRow(
                                                c,
                                                labels.getOrDefault(c.kind(), c.kind()),
                                                target(r, c),
                                                counts.getOrDefault(c.id(), 0)))
                        .toList();
        r.render(
                "integrations.jte",
                r.chrome("Integrations").in(access, "integrations"),
                "rows",
                rows,
                "kinds",
                enabledKinds(r),
                "message",
                r.param("sent"));
    }

    /** Where a channel sends: its address, or the host of its URL. */
    static String target(WebRequest r, Channel c) {
        ObjectNode described =
                r.app()
                        .notifiers()
                        .find(c.kind())
                        .map(n -> n.describe(ChannelConfigs.parse(c)))
                        .orElseGet(Json::object);
        if (described.hasNonNull("email")) {
            return described.path("email").asText();
        }
        if (described.hasNonNull("value")) {
            return described.path("value").asText();
        }
        String down = described.path("url_down").asText("");
        String up = described.path("url_up").asText("");
        String url = down.isEmpty() ? up : down;
        return url.replaceFirst("^(https?://[^/?#]+).*$", "$1/…");
    }

    private static List<KindDescription> enabledKinds(WebRequest r) {
        return r.app().notifiers().descriptions().stream()
                .filter(KindDescription::enabled)
                .filter(d -> r.app().notifiers().find(d.kind()).isPresent())
                .toList();
    }

    private static KindDescription kind(WebRequest r, String kind) {
        return enabledKinds(r).stream()
                .filter(d -> d.kind().equals(kind))
                .findFirst()
                .orElseThrow(WebError::notFound);
    }

    /** {@code GET|POST /projects/<code>/add_<kind>/}. */
    public static void add(WebRequest r, String kindName) {
        ProjectAccess.Access access = r.project(r.uuid("code"), true);
        KindDescription kind = kind(r, kindName);
        String action = "/projects/" + access.project().code() + "/add_" + kind.kind() + "/";
        if (!r.isPost()) {
            showForm(r, 200, access, kind, Map.of(), Map.of(), action, false);
            return;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        ObjectNode request = request(r, kind, values, errors);
        if (errors.isEmpty()) {
            try {
                Channel created = r.app().channelService().create(access.project(), request);
                if (!r.param("assign_all").isEmpty()) {
                    assignAll(r, access, created);
                }
                r.redirect("/projects/" + access.project().code() + "/integrations/");
                return;
            } catch (InvalidChannelException e) {
                collect(e, errors);
            }
        }
        showForm(r, 400, access, kind, values, errors, action, false);
    }

    /** {@code GET|POST /integrations/<code>/edit/}: the add form, filled in with the settings. */
    public static void edit(WebRequest r) {
        UUID code = r.uuid("code");
        ProjectAccess.Access access = channelProject(r, code, true);
        Channel channel =
                r.app()
                        .channelService()
                        .find(access.project(), code)
                        .orElseThrow(WebError::notFound);
        KindDescription kind = kind(r, channel.kind());
        String action = "/integrations/" + code + "/edit/";
        if (!r.isPost()) {
            showForm(r, 200, access, kind, current(channel, kind), Map.of(), action, true);
            return;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        ObjectNode request = request(r, kind, values, errors);
        if (errors.isEmpty()) {
            try {
                r.app().channelService().update(access.project(), code, request);
                r.redirect("/projects/" + access.project().code() + "/integrations/");
                return;
            } catch (InvalidChannelException e) {
                collect(e, errors);
            }
        }
        showForm(r, 400, access, kind, values, errors, action, true);
    }

    /** The form's values of a stored channel. */
    private static Map<String, String> current(Channel channel, KindDescription kind) {
        ObjectNode stored = ChannelConfigs.parse(channel);
        Map<String, String> values = new HashMap<>();
        values.put("name", channel.name());
        for (ConfigField f : kind.fields()) {
            var node = stored.get(f.name());
            if (node == null && f.type() == ConfigField.Type.EMAIL) {
                node = stored.get("value");
            }
            if (node == null || node.isNull()) {
                continue;
            }
            switch (f.type()) {
                case BOOLEAN -> values.put(f.name(), node.asBoolean() ? "on" : "");
                case HEADERS -> {
                    StringBuilder lines = new StringBuilder();
                    node.fields()
                            .forEachRemaining(
                                    e ->
                                            lines.append(e.getKey())
                                                    .append(": ")
                                                    .append(e.getValue().asText())
                                                    .append('\n'));
                    values.put(f.name(), lines.toString());
                }
                default -> values.put(f.name(), node.asText());
            }
        }
        return values;
    }

    /** The API request the form describes; problems of the form itself go to {@code errors}. */
    private static ObjectNode request(
            WebRequest r,
            KindDescription kind,
            Map<String, String> values,
            Map<String, String> errors) {
        ObjectNode request = Json.object();
        request.put("kind", kind.kind());
        request.put("name", r.param("name").strip());
        values.put("name", r.param("name"));
        for (ConfigField f : kind.fields()) {
            String v = r.param(f.name());
            values.put(f.name(), v);
            switch (f.type()) {
                case BOOLEAN -> request.put(f.name(), v.equals("on"));
                case HEADERS -> {
                    ObjectNode headers = request.putObject(f.name());
                    for (String line : v.split("\r?\n")) {
                        if (line.isBlank()) {
                            continue;
                        }
                        int colon = line.indexOf(':');
                        if (colon <= 0) {
                            errors.put(f.name(), "Write each header as Name: value, one per line.");
                            break;
                        }
                        headers.put(
                                line.substring(0, colon).strip(),
                                line.substring(colon + 1).strip());
                    }
                }
                default -> {
                    if (!v.isBlank()) {
                        request.put(f.name(), v.strip());
                    }
                }
            }
        }
        return request;
    }

    private static void collect(InvalidChannelException e, Map<String, String> errors) {
        for (FieldError fe : e.errors()) {
            errors.put(fe.field() == null ? "" : fe.field(), sentence(fe.message()));
        }
        if (e.errors().isEmpty()) {
            errors.put("", sentence(e.getMessage()));
        }
    }

    private static void assignAll(WebRequest r, ProjectAccess.Access access, Channel created) {
        r.app()
                .checkQueries()
                .forEach(
                        access.project(),
                        java.util.Set.of(),
                        null,
                        s ->
                                r.app()
                                        .channelService()
                                        .setAssigned(
                                                access.project(), s.check(), created.code(), true));
    }

    private static String sentence(String message) {
        String m = message.replace(InvalidChannelException.PREFIX, "");
        return m.isEmpty()
                ? m
                : m.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + m.substring(1) + ".";
    }

    private static void showForm(
            WebRequest r,
            int status,
            ProjectAccess.Access access,
            KindDescription kind,
            Map<String, String> values,
            Map<String, String> errors,
            String action,
            boolean editing) {
        r.render(
                status,
                "add_integration.jte",
                r.chrome((editing ? "Edit " : "Add ") + kind.label()).in(access, "integrations"),
                "action",
                action,
                "editing",
                editing,
                "kind",
                kind,
                "values",
                values,
                "errors",
                errors);
    }

    /** {@code POST /integrations/<code>/test/}. */
    public static void test(WebRequest r) {
        UUID code = r.uuid("code");
        ProjectAccess.Access access = channelProject(r, code, true);
        Delivery d =
                r.app()
                        .channelService()
                        .test(access.project(), code)
                        .orElseThrow(WebError::notFound);
        String result = d.result() == Delivery.Result.OK ? "ok" : "failed";
        r.redirect("/projects/" + access.project().code() + "/integrations/?sent=" + result);
    }

    /** A check on the assignment page: whether it uses the integration. */
    public record Assigned(String code, String name, boolean on) {}

    /**
     * {@code GET|POST /integrations/<code>/checks/}: which checks use the integration. The form
     * sends {@code check-<uuid>} for each one that should.
     */
    public static void checks(WebRequest r) {
        UUID code = r.uuid("code");
        ProjectAccess.Access access = channelProject(r, code, r.isPost());
        Channel channel =
                r.app()
                        .channelService()
                        .find(access.project(), code)
                        .orElseThrow(WebError::notFound);
        java.util.List<io.mychecks.core.checks.Check> all = new java.util.ArrayList<>();
        r.app()
                .checkQueries()
                .forEach(access.project(), java.util.Set.of(), null, s -> all.add(s.check()));
        if (r.isPost()) {
            var chosen =
                    all.stream().filter(c -> r.formFields().contains("check-" + c.code())).toList();
            r.app().channelService().setChecks(access.project(), code, chosen);
            r.redirect("/projects/" + access.project().code() + "/integrations/");
            return;
        }
        var on = r.app().channelService().checkIdsOf(access.project(), code);
        r.render(
                "integration_checks.jte",
                r.chrome(
                                "Checks using "
                                        + (channel.name().isEmpty()
                                                ? target(r, channel)
                                                : channel.name()))
                        .in(access, "integrations"),
                "channel",
                channel,
                "label",
                channel.name().isEmpty() ? target(r, channel) : channel.name(),
                "checks",
                all.stream()
                        .map(
                                c ->
                                        new Assigned(
                                                c.code().toString(),
                                                c.displayName(),
                                                on.contains(c.id())))
                        .toList(),
                "canWrite",
                access.role().canWrite());
    }

    /** {@code POST /integrations/<code>/remove/}. */
    public static void remove(WebRequest r) {
        UUID code = r.uuid("code");
        ProjectAccess.Access access = channelProject(r, code, true);
        r.app().channelService().delete(access.project(), code);
        r.redirect("/projects/" + access.project().code() + "/integrations/");
    }

    /** {@code POST /integrations/<code>/name/}. */
    public static void rename(WebRequest r) {
        UUID code = r.uuid("code");
        ProjectAccess.Access access = channelProject(r, code, true);
        try {
            r.app().channelService().rename(access.project(), code, r.param("name").strip());
        } catch (InvalidChannelException e) {
            throw WebError.badRequest("A name has at most 100 characters.");
        }
        r.redirect("/projects/" + access.project().code() + "/integrations/");
    }

    /** {@code POST /checks/<code>/channels/<channel>/enabled}: state on or off. */
    public static void toggle(WebRequest r) {
        WebRequest.CheckAccess ca = r.check(r.uuid("code"), true);
        String state = r.param("state");
        if (!state.equals("on") && !state.equals("off")) {
            throw WebError.badRequest("The state is on or off.");
        }
        if (!r.app()
                .channelService()
                .setAssigned(
                        ca.access().project(), ca.check(), r.uuid("channel"), state.equals("on"))) {
            throw WebError.notFound();
        }
        r.redirect("/checks/" + ca.check().code() + "/details/");
    }

    private static ProjectAccess.Access channelProject(WebRequest r, UUID code, boolean write) {
        Channel c =
                r.app()
                        .channels()
                        .findByCode(r.app().database().dsl(), code)
                        .orElseThrow(WebError::notFound);
        var project =
                r.app()
                        .projects()
                        .findById(r.app().database().dsl(), c.projectId())
                        .orElseThrow(WebError::notFound);
        return r.project(project.code(), write);
    }
}
