package io.mychecks.core.notify.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.CheckStatus;
import io.mychecks.core.mail.MailFailure;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.OutgoingMail;
import io.mychecks.core.notify.Alert;
import io.mychecks.core.notify.AlertFacts;
import io.mychecks.core.notify.Delivery;
import io.mychecks.core.notify.InvalidChannelException;
import io.mychecks.core.notify.Notifier;
import io.mychecks.core.settings.Settings;
import java.util.regex.Pattern;

/**
 * The {@code email} kind: alerts go by SMTP to one address. Settings are {@code {"value": address,
 * "up": bool, "down": bool}}; a channel delivers only once its address is verified.
 */
public final class EmailNotifier implements Notifier {
    public static final String KIND = "email";

    /** Roughly one address: no spaces, no list separators, no display name. */
    private static final Pattern ADDRESS =
            Pattern.compile("^[^@\\s,;<>\"()\\[\\]]+@[^@\\s,;<>\"()\\[\\]]+$");

    private final MailSender mail;
    private final Settings settings;
    private final BounceAddress bounces;

    public EmailNotifier(MailSender mail, Settings settings, BounceAddress bounces) {
        this.mail = mail;
        this.settings = settings;
        this.bounces = bounces;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns the address of a stored config ("" when there is none). */
    public static String address(ObjectNode storedConfig) {
        return storedConfig.path("value").asText("");
    }

    /** Returns true when {@code address} looks like one plain email address. */
    public static boolean validAddress(String address) {
        return address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    @Override
    public ObjectNode parseConfig(ObjectNode request) throws InvalidChannelException {
        // "email" as the API documents it; "value", the stored name, is accepted too
        String field = request.has("email") || !request.has("value") ? "email" : "value";
        JsonNode value = request.get(field);
        if (value == null) {
            throw new InvalidChannelException("json validation error: email is required");
        }
        if (!value.isTextual()) {
            throw new InvalidChannelException(
                    "json validation error: " + field + " is not a string");
        }
        String address = value.asText().strip();
        if (!validAddress(address)) {
            throw new InvalidChannelException(
                    "json validation error: " + field + " is not a valid email address");
        }
        boolean up = flag(request, "up");
        boolean down = flag(request, "down");
        if (!up && !down) {
            throw new InvalidChannelException(
                    "json validation error: at least one of up and down must be true");
        }
        return config(address, up, down);
    }

    private static boolean flag(ObjectNode request, String name) throws InvalidChannelException {
        JsonNode v = request.get(name);
        if (v == null) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new InvalidChannelException(
                    "json validation error: " + name + " is not a boolean");
        }
        return v.booleanValue();
    }

    private static ObjectNode config(String address, boolean up, boolean down) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("value", address);
        o.put("up", up);
        o.put("down", down);
        return o;
    }

    @Override
    public ObjectNode describe(ObjectNode storedConfig) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("email", address(storedConfig));
        o.put("up", storedConfig.path("up").asBoolean(true));
        o.put("down", storedConfig.path("down").asBoolean(true));
        return o;
    }

    @Override
    public boolean wants(Channel channel, ObjectNode storedConfig, CheckStatus status) {
        return switch (status) {
            case UP -> storedConfig.path("up").asBoolean(true);
            case DOWN -> storedConfig.path("down").asBoolean(true);
            default -> false;
        };
    }

    @Override
    public Delivery deliver(Alert alert, ObjectNode storedConfig) {
        if (!alert.channel().emailVerified()) {
            return Delivery.failed("Email not verified");
        }
        String to = address(storedConfig);
        try {
            OutgoingMail message = AlertEmail.render(AlertFacts.of(alert, settings), to);
            mail.send(
                    bounces.envelopeSender(alert.notificationCode())
                            .map(message::withBounceTo)
                            .orElse(message));
            return Delivery.ok();
        } catch (MailFailure f) {
            return switch (f.kind()) {
                case TRANSIENT -> Delivery.retry(f.getMessage());
                case REJECTED, NOT_CONFIGURED -> Delivery.failed(f.getMessage());
            };
        } catch (RuntimeException e) {
            // a bug in rendering or in the mail library must not stop the alert loop
            return Delivery.retry("Email failed: " + e.getClass().getSimpleName());
        }
    }
}
