package io.mychecks.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.notify.ChannelJson;
import io.mychecks.core.notify.ChannelService;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.http.server.Responses;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The channels (integrations) of the key's project: list them (v1–v3, as the reference), and, ours
 * in v3 only, create and delete them. Every operation needs the read-write key.
 */
public final class ChannelsApi {
    private static final Pattern UUID_PATH =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final ChannelService channels;

    public ChannelsApi(ChannelService channels) {
        this.channels = channels;
    }

    /** GET channels/: 200 {"channels": [{"id", "name", "kind"}, …]}. */
    public void list(ApiRequest r) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("channels");
        for (Channel c : channels.list(r.project())) {
            list.add(ChannelJson.summary(c));
        }
        Responses.json(r.exchange(), 200, Json.bytes(out));
    }

    /** POST channels/: 201 with the new channel; 400 {"error"} for a bad kind or bad fields. */
    public void create(ApiRequest r) {
        Channel created;
        try {
            created = channels.create(r.project(), r.body());
        } catch (InvalidChannelException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Responses.json(r.exchange(), 201, Json.bytes(channels.toJson(created)));
    }

    /**
     * DELETE channels/{code}: 200 with the deleted channel; 404 when the project has no such
     * channel.
     */
    public void delete(ApiRequest r) {
        String raw = r.param("code");
        if (raw == null || !UUID_PATH.matcher(raw).matches()) {
            throw ApiException.notFound();
        }
        Channel deleted =
                channels.delete(r.project(), UUID.fromString(raw))
                        .orElseThrow(ApiException::notFound);
        Responses.json(r.exchange(), 200, Json.bytes(channels.toJson(deleted)));
    }
}
