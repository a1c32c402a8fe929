package io.mychecks.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckJson;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.core.manage.CheckRejectedException;
import io.mychecks.core.manage.CheckService;
import io.mychecks.core.manage.CheckSnapshot;
import io.mychecks.core.manage.CheckSpec;
import io.mychecks.core.manage.CheckSpecParser;
import io.mychecks.core.manage.InvalidCheckSpecException;
import io.mychecks.core.settings.Settings;
import io.mychecks.http.server.Responses;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Management API's checks: {@code checks/} (list, create) and {@code checks/<uuid>} (get,
 * update, delete, pause, resume), plus get by unique key. API v1 and v2 derive the slug from a new
 * name; v3 changes the slug only when it is sent.
 */
public final class ChecksApi {
    private final CheckQueries queries;
    private final CheckService service;
    private final Settings settings;
    private final Clock clock;

    public ChecksApi(CheckQueries queries, CheckService service, Settings settings, Clock clock) {
        this.queries = queries;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * GET checks/: every check of the project, filtered by {@code tag} (all must match) and {@code
     * slug}.
     */
    public void list(ApiRequest r) throws IOException {
        List<String> slugs = r.queryAll("slug");
        String slug = slugs.isEmpty() ? null : slugs.get(slugs.size() - 1);
        Instant now = clock.instant();
        JsonStream.send(
                r.exchange(),
                200,
                g ->
                        queries.writeList(
                                g,
                                CheckJson.writer(r.version(), r.readOnlyKey(), settings, now),
                                r.project(),
                                r.queryAll("tag"),
                                slug));
    }

    /**
     * POST checks/: 201 with a new check, or 200 with the check its {@code unique} fields matched.
     */
    public void create(ApiRequest r) {
        CheckService.Created c = service.create(r.project(), spec(r), slugFromName(r));
        send(r, c.created() ? 201 : 200, c.snapshot());
    }

    /** GET checks/<uuid>. */
    public void get(ApiRequest r) {
        Check check = queries.owned(r.project(), code(r));
        send(r, 200, queries.snapshot(check));
    }

    /** GET checks/<unique_key>: only the key's project is searched; 404 has no body. */
    public void getByUniqueKey(ApiRequest r) {
        Check check =
                queries.byUniqueKey(r.project(), r.param("code"))
                        .orElseThrow(() -> new ApiException(404, null));
        send(r, 200, queries.snapshot(check));
    }

    /** POST checks/<uuid>: writes the sent fields. */
    public void update(ApiRequest r) {
        UUID code = code(r);
        // an unknown or foreign check answers 404 or 403 before the body is judged, as the
        // reference
        queries.owned(r.project(), code);
        send(r, 200, service.update(r.project(), code, spec(r), slugFromName(r)));
    }

    /** DELETE checks/<uuid>: 200 with the check as it was. */
    public void delete(ApiRequest r) {
        send(r, 200, service.delete(r.project(), code(r)));
    }

    /** POST checks/<uuid>/pause. */
    public void pause(ApiRequest r) {
        send(r, 200, service.pause(r.project(), code(r)));
    }

    /** POST checks/<uuid>/resume: 409 in plain text when the check is not paused. */
    public void resume(ApiRequest r) {
        CheckSnapshot resumed;
        try {
            resumed = service.resume(r.project(), code(r));
        } catch (CheckRejectedException e) {
            if (e.reason() != CheckRejectedException.Reason.NOT_PAUSED) {
                throw e;
            }
            Responses.text(r.exchange(), 409, e.getMessage());
            return;
        }
        send(r, 200, resumed);
    }

    private static boolean slugFromName(ApiRequest r) {
        return r.version() < 3;
    }

    private static UUID code(ApiRequest r) {
        return UUID.fromString(r.param("code"));
    }

    private static CheckSpec spec(ApiRequest r) {
        try {
            return CheckSpecParser.parse(r.body());
        } catch (InvalidCheckSpecException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private ObjectNode render(ApiRequest r, CheckSnapshot s) {
        return CheckJson.render(
                s.check(),
                r.version(),
                r.readOnlyKey(),
                s.channelCodes(),
                settings,
                clock.instant());
    }

    private void send(ApiRequest r, int status, CheckSnapshot s) {
        Responses.json(r.exchange(), status, Json.bytes(render(r, s)));
    }
}
