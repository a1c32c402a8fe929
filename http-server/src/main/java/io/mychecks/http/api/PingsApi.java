package io.mychecks.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.Check;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.core.pings.Ping;
import io.mychecks.core.settings.Settings;
import io.mychecks.http.server.Responses;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * {@code checks/<uuid>/pings/} (the ping log, newest first) and {@code
 * checks/<uuid>/pings/<n>/body}.
 */
public final class PingsApi {
    private final CheckQueries queries;
    private final Settings settings;

    public PingsApi(CheckQueries queries, Settings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /** GET checks/<uuid>/pings/. */
    public void list(ApiRequest r) {
        Check check = queries.owned(r.project(), UUID.fromString(r.param("code")));
        String base =
                settings.siteRoot()
                        + "/api/v"
                        + r.version()
                        + "/checks/"
                        + check.code()
                        + "/pings/";
        ArrayNode pings = Json.MAPPER.createArrayNode();
        for (Ping p : queries.pings(check)) {
            pings.add(render(p, base));
        }
        ObjectNode body = Json.object();
        body.set("pings", pings);
        Responses.json(r.exchange(), 200, Json.bytes(body));
    }

    /** GET checks/<uuid>/pings/<n>/body: the raw body as text/plain; 404 when gone or empty. */
    public void body(ApiRequest r) {
        Check check = queries.owned(r.project(), UUID.fromString(r.param("code")));
        byte[] body =
                queries.pingBody(check, Long.parseLong(r.param("n")))
                        .orElseThrow(ApiException::notFound);
        r.exchange().setStatusCode(200);
        r.exchange().getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        r.exchange().getResponseSender().send(ByteBuffer.wrap(body));
    }

    /**
     * A ping in the reference's keys and order. {@code duration} (seconds, two decimals) is there
     * only for a success or failure that closed a run; {@code body_url} is null when the ping had
     * no body.
     */
    static ObjectNode render(Ping p, String base) {
        ObjectNode o = Json.object();
        o.put("type", p.kind().wire());
        o.put("date", Json.isoMicros(p.created()));
        o.put("n", p.n());
        o.put("scheme", p.scheme());
        o.put("remote_addr", p.remoteAddr());
        o.put("method", p.method());
        o.put("ua", p.ua());
        o.put("rid", p.rid());
        if (p.durationMs() != null) {
            o.put("duration", Math.round(p.durationMs() / 10.0) / 100.0);
        }
        o.put("body_url", p.body() == null ? null : base + p.n() + "/body");
        return o;
    }
}
