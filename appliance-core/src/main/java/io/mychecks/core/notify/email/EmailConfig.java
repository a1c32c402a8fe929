package io.mychecks.core.notify.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.notify.ConfigErrors;
import io.mychecks.core.notify.KindConfig;
import java.util.regex.Pattern;

/**
 * The settings of an email channel: one address and which directions it wants. Stored as {@code
 * {"value": address, "up": bool, "down": bool}}; the API names the address {@code email} (and
 * accepts the stored name {@code value} too).
 */
public record EmailConfig(String address, boolean up, boolean down) implements KindConfig {

    /** Roughly one address: no spaces, no list separators, no display name. */
    private static final Pattern ADDRESS =
            Pattern.compile("^[^@\\s,;<>\"()\\[\\]]+@[^@\\s,;<>\"()\\[\\]]+$");

    /** Returns true when {@code address} looks like one plain email address. */
    static boolean validAddress(String address) {
        return address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /** Parses a request's fields; returns null after recording the problems in {@code errors}. */
    static EmailConfig parse(ObjectNode request, ConfigErrors errors) {
        // "email" as the API documents it; "value", the stored name, is accepted too
        String field = request.has("email") || !request.has("value") ? "email" : "value";
        JsonNode value = request.get(field);
        String address = "";
        if (value == null) {
            errors.add("email", "email is required");
        } else if (!value.isTextual()) {
            errors.add(field, field + " is not a string");
        } else {
            address = value.asText().strip();
            if (!validAddress(address)) {
                errors.add(field, field + " is not a valid email address");
            }
        }
        Boolean up = flag(request, "up", errors);
        Boolean down = flag(request, "down", errors);
        if (up != null && down != null && !up && !down) {
            errors.add("", "at least one of up and down must be true");
        }
        return errors.isEmpty() ? new EmailConfig(address, up, down) : null;
    }

    private static Boolean flag(ObjectNode request, String name, ConfigErrors errors) {
        JsonNode v = request.get(name);
        if (v == null) {
            return true;
        }
        if (!v.isBoolean()) {
            errors.add(name, name + " is not a boolean");
            return null;
        }
        return v.booleanValue();
    }

    /** Reads stored settings; missing directions read as wanted. */
    static EmailConfig fromStored(ObjectNode stored) {
        return new EmailConfig(
                stored.path("value").asText(""),
                stored.path("up").asBoolean(true),
                stored.path("down").asBoolean(true));
    }

    @Override
    public ObjectNode toStored() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("value", address);
        o.put("up", up);
        o.put("down", down);
        return o;
    }

    @Override
    public ObjectNode describe() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("email", address);
        o.put("up", up);
        o.put("down", down);
        return o;
    }

    @Override
    public boolean wants(CheckStatus status) {
        return switch (status) {
            case UP -> up;
            case DOWN -> down;
            default -> false;
        };
    }
}
