package io.mychecks.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mychecks.core.checks.CheckStatus;

/**
 * A kind's settings as a Java record: written to the database with {@link #toStored()}, shown to
 * API clients with {@link #describe()} (credentials are masked by {@link ChannelSecrets} after).
 * Its kind reads it back from the stored JSON and parses it from a request with per-field errors.
 */
public interface KindConfig {
    /** The JSON the database stores. */
    ObjectNode toStored();

    /** The JSON the API shows (the request's field names). */
    ObjectNode describe();

    /** False when the channel does nothing for this status (a webhook without an "up" URL). */
    boolean wants(CheckStatus status);
}
