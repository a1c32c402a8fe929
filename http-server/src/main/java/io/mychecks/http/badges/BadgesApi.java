package io.mychecks.http.badges;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.badges.BadgeService;
import io.mychecks.core.badges.BadgeUrls;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.http.api.ApiRequest;
import io.mychecks.http.api.Json;
import io.mychecks.http.server.Busy;
import io.mychecks.http.server.Responses;
import java.util.SortedMap;

/**
 * {@code GET /api/vN/badges/}: for every tag of the project's checks and for {@code *}, the six
 * badge URLs {@code svg}, {@code svg3}, {@code json}, {@code json3}, {@code shields}, {@code
 * shields3} (plain names two-state, names ending in 3 three-state).
 */
public final class BadgesApi {
    private final BadgeService badges;

    public BadgesApi(BadgeService badges) {
        this.badges = badges;
    }

    /**
     * Answers 200 {@code {"badges": {tag: {...}}}}, tags in sorted order; 503 when too many project
     * scans run at once.
     */
    public void list(ApiRequest request) {
        SortedMap<String, BadgeUrls> urlsByTag;
        try {
            urlsByTag = badges.urls(request.project());
        } catch (ScanLimiter.BusyException e) {
            Busy.send(request.exchange());
            return;
        }
        ObjectNode byTag = Json.object();
        urlsByTag.forEach((tag, urls) -> byTag.set(tag, render(urls)));
        ObjectNode body = Json.object();
        body.set("badges", byTag);
        Responses.json(request.exchange(), 200, Json.bytes(body));
    }

    private static ObjectNode render(BadgeUrls urls) {
        return Json.object()
                .put("svg", urls.svg())
                .put("svg3", urls.svg3())
                .put("json", urls.json())
                .put("json3", urls.json3())
                .put("shields", urls.shields())
                .put("shields3", urls.shields3());
    }
}
