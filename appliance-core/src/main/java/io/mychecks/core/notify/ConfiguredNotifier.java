package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.channels.Channel;
import io.mychecks.core.checks.CheckStatus;

/**
 * A notifier whose settings are the record {@code C}: the shared code still hands it JSON, and this
 * class parses, reads back and describes that JSON through the record, so a kind only writes the
 * record and its sender.
 */
public abstract class ConfiguredNotifier<C extends KindConfig> implements Notifier {

    /**
     * Parses a request's fields; records each field's problem in {@code errors} and returns null
     * when there was any.
     */
    protected abstract C parse(ObjectNode request, ConfigErrors errors);

    /** Reads the stored settings back (they were written by {@link KindConfig#toStored()}). */
    protected abstract C fromStored(ObjectNode stored);

    /** Delivers one alert to a channel with settings {@code config}; never throws. */
    protected abstract Delivery send(Alert alert, C config);

    @Override
    public final ObjectNode parseConfig(ObjectNode request) throws InvalidChannelException {
        ConfigErrors errors = new ConfigErrors();
        C config = parse(request, errors);
        errors.throwIfAny();
        return config.toStored();
    }

    @Override
    public final ObjectNode describe(ObjectNode storedConfig) {
        return fromStored(storedConfig).describe();
    }

    @Override
    public final boolean wants(Channel channel, ObjectNode storedConfig, CheckStatus status) {
        return fromStored(storedConfig).wants(status);
    }

    @Override
    public final Delivery deliver(Alert alert, ObjectNode storedConfig) {
        return send(alert, fromStored(storedConfig));
    }
}
