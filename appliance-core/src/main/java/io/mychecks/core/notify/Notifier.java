package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.CheckStatus;
import java.util.Optional;

/**
 * One kind of integration (email, webhook, …). A notifier validates the settings a user gives for a
 * new channel, says which status changes it cares about, and delivers alerts. Adding a kind is one
 * package with a Notifier (usually a {@link ConfiguredNotifier} over the kind's {@link KindConfig}
 * record) and its {@link NotifierFactory}; CONTRIBUTING.md has the checklist.
 */
public interface Notifier {
    /** The kind's name as the API and the database know it ({@code email}, {@code webhook}). */
    String kind();

    /**
     * Validates the fields of an API request for a new channel of this kind (the whole JSON object,
     * {@code kind} and {@code name} included) and returns the settings to store.
     */
    ObjectNode parseConfig(ObjectNode request) throws InvalidChannelException;

    /** Returns the stored settings as API clients may see them: secrets left out. */
    ObjectNode describe(ObjectNode storedConfig);

    /** False when the channel does nothing for this status (a webhook without an "up" URL). */
    boolean wants(Channel channel, ObjectNode storedConfig, CheckStatus status);

    /** Delivers one alert within the notifier's own timeout; never throws for delivery problems. */
    Delivery deliver(Alert alert, ObjectNode storedConfig);

    /**
     * How the kind confirms a new channel's target before delivering to it (email: a link sent to
     * the address); empty for kinds that need no confirmation.
     */
    default Optional<ChannelVerification> verification() {
        return Optional.empty();
    }
}
