package io.mychecks.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.accounts.Project;
import io.mychecks.http.server.Router;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.List;

/**
 * An authenticated API call: the exchange, the API version from the path (1, 2 or 3), the key's
 * project, whether the key was the read-only one, and the JSON body (empty object for requests
 * without a body).
 */
public record ApiRequest(
        HttpServerExchange exchange,
        int version,
        Project project,
        boolean readOnlyKey,
        ObjectNode body) {

    /** A path parameter of the route. */
    public String param(String name) {
        return Router.param(exchange, name);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        Deque<String> v = exchange.getQueryParameters().get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /** Every value of a repeatable query parameter. */
    public List<String> queryAll(String name) {
        Deque<String> v = exchange.getQueryParameters().get(name);
        return v == null ? List.of() : List.copyOf(v);
    }
}
