package io.mychecks.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.flips.Flip;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.http.server.Responses;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code checks/<uuid>/flips/} and {@code checks/<unique_key>/flips/}: a check's status changes,
 * newest first, as {@code {"flips": [{"timestamp", "up"}]}}.
 */
public final class FlipsApi {
    private final CheckQueries queries;
    private final Clock clock;

    public FlipsApi(CheckQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** GET checks/<uuid>/flips/. */
    public void byUuid(ApiRequest r) {
        send(r, queries.owned(r.project(), UUID.fromString(r.param("code"))));
    }

    /** GET checks/<unique_key>/flips/: 404 without a body when the project has no such check. */
    public void byUniqueKey(ApiRequest r) {
        send(
                r,
                queries.byUniqueKey(r.project(), r.param("code"))
                        .orElseThrow(() -> new ApiException(404, null)));
    }

    private void send(ApiRequest r, Check check) {
        FlipFilter filter = FlipFilter.parse(r, clock.instant());
        ArrayNode flips = Json.MAPPER.createArrayNode();
        for (Flip f : queries.flips(check, filter.from(), filter.to())) {
            flips.addObject()
                    .put("timestamp", Json.isoSeconds(f.created()))
                    .put("up", f.newStatus() == CheckStatus.UP ? 1 : 0);
        }
        ObjectNode body = Json.object();
        body.set("flips", flips);
        Responses.json(r.exchange(), 200, Json.bytes(body));
    }
}
