package io.mychecks.http.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;

/**
 * Sends a JSON answer written piece by piece straight to the response (chunked), for answers too
 * large to build in memory first. The exchange must be blocking (API operations are).
 */
public final class JsonStream {
    /** Writes the whole JSON document to the generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonStream() {}

    /** Sends {@code status} and the document {@code body} writes, then ends the exchange. */
    public static void send(HttpServerExchange ex, int status, Body body) throws IOException {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        try (JsonGenerator g = Json.MAPPER.createGenerator(ex.getOutputStream())) {
            body.write(g);
        }
    }
}
