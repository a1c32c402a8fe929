package io.mychecks.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.ProjectAuth;
import io.mychecks.core.manage.CheckRejectedException;
import io.mychecks.http.server.FullBody;
import io.mychecks.http.server.Responses;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Management API URL: CORS, the version from the path, the body, the key, then the operation
 * for the request's method. Operations run on a worker thread and may block.
 *
 * <ol>
 *   <li>Every answer carries the CORS headers; OPTIONS answers 204; other methods 405.
 *   <li>A POST body is parsed before authentication: bad JSON and non-objects are 400.
 *   <li>The key is {@code X-Api-Key}, or {@code api_key} in a POST body; it must be 32 characters
 *       (401 "missing api key") and match the project's read-write key, or its read-only key where
 *       the operation allows it (401 "wrong api key").
 * </ol>
 */
public final class ApiEndpoint implements HttpHandler {
    private static final int MAX_BODY = 2_621_440;
    private static final HttpString KEY_HEADER = HttpString.tryFromString("X-Api-Key");

    /** What an operation needs from the key. */
    public enum Access {
        /** Read-write or read-only key. */
        READ,
        /** Read-write key only. */
        WRITE,
        /** No key at all. */
        NONE
    }

    /** The code behind one method of an endpoint. */
    @FunctionalInterface
    public interface Operation {
        void handle(ApiRequest request) throws Exception;
    }

    private record Op(Access access, Operation operation) {}

    private final ProjectAuth auth;
    private final Map<String, Op> ops = new LinkedHashMap<>();

    public ApiEndpoint(ProjectAuth auth) {
        this.auth = auth;
    }

    /** Adds the operation for {@code method}. */
    public ApiEndpoint on(String method, Access access, Operation operation) {
        ops.put(method, new Op(access, operation));
        return this;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws Exception {
        if (FullBody.receiveThenDispatch(ex, this)) {
            return;
        }
        ex.startBlocking();
        cors(ex);
        String method = ex.getRequestMethod().toString();
        if (method.equals("OPTIONS")) {
            Responses.empty(ex, 204);
            return;
        }
        // HEAD is not GET here: like any method a route does not list, it is 405 (as the reference)
        Op op = ops.get(method);
        if (op == null) {
            Responses.empty(ex, 405);
            return;
        }
        try {
            int version = version(Router.param(ex, "version"));
            ObjectNode body =
                    method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                            ? readBody(ex)
                            : Json.object();
            ApiRequest request = authenticate(ex, version, op.access(), body);
            op.operation().handle(request);
        } catch (ApiException e) {
            fail(ex, e);
        } catch (CheckRejectedException e) {
            fail(ex, ApiException.of(e));
        }
    }

    private static void fail(HttpServerExchange ex, ApiException e) {
        if (ex.isResponseStarted()) {
            return;
        }
        if (e.getMessage() == null) {
            Responses.empty(ex, e.status());
        } else {
            ObjectNode err = Json.object().put("error", e.getMessage());
            Responses.json(ex, e.status(), Json.bytes(err));
        }
    }

    private void cors(HttpServerExchange ex) {
        var h = ex.getResponseHeaders();
        h.put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*");
        h.put(HttpString.tryFromString("Access-Control-Allow-Headers"), "X-Api-Key");
        h.put(
                HttpString.tryFromString("Access-Control-Allow-Methods"),
                String.join(", ", ops.keySet()) + ", OPTIONS");
        h.put(HttpString.tryFromString("Access-Control-Max-Age"), "600");
    }

    private static int version(String raw) {
        if (raw == null) {
            return 3;
        }
        switch (raw) {
            case "v1":
                return 1;
            case "v2":
                return 2;
            case "v3":
                return 3;
            default:
                throw ApiException.notFound();
        }
    }

    private static ObjectNode readBody(HttpServerExchange ex) throws IOException {
        byte[] raw = FullBody.of(ex, MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            throw ApiException.badRequest("request body too large");
        }
        if (raw.length == 0) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw ApiException.badRequest("could not parse request body");
        }
        if (node == null || node.isMissingNode()) {
            // only an empty body means {}; whitespace alone is not JSON
            throw ApiException.badRequest("could not parse request body");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("json validation error: value is not an object");
        }
        return (ObjectNode) node;
    }

    private ApiRequest authenticate(
            HttpServerExchange ex, int version, Access access, ObjectNode body) {
        if (access == Access.NONE) {
            return new ApiRequest(ex, version, null, false, body);
        }
        String key = ex.getRequestHeaders().getFirst(KEY_HEADER);
        if ((key == null || key.isEmpty())
                && ex.getRequestMethod().toString().equals("POST")
                && body.path("api_key").isTextual()) {
            key = body.get("api_key").asText();
        }
        if (key == null || key.length() != 32) {
            throw new ApiException(401, "missing api key");
        }
        Optional<ProjectAuth.Opened> opened = auth.open(key, access == Access.READ);
        if (opened.isEmpty()) {
            throw new ApiException(401, "wrong api key");
        }
        return new ApiRequest(ex, version, opened.get().project(), opened.get().readonly(), body);
    }
}
