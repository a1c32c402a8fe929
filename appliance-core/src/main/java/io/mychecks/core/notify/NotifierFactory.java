package io.mychecks.core.notify;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A kind of integration as the appliance sees it before building it: its name, its description of
 * the fields a channel has and of the settings it reads, and its on/off switch. Found through
 * {@link java.util.ServiceLoader}: registering a kind is one line in {@code
 * META-INF/services/io.mychecks.core.notify.NotifierFactory}.
 */
public interface NotifierFactory {
    /** The kind's name as the API and the database know it ({@code email}, {@code webhook}). */
    String kind();

    /** The kind's name for people ("Webhook"). */
    String label();

    /** The fields of a channel of this kind, in form order. */
    List<ConfigField> fields();

    /** The settings (environment / settings file) this kind reads, its switch included. */
    List<SettingKey> settingKeys();

    /**
     * The boolean setting that switches the kind on and off ({@code WEBHOOKS_ENABLED}), one of
     * {@link #settingKeys()}; empty when the kind is always on. A switched-off kind is not offered,
     * and the deliveries of its existing channels fail with a clear error.
     */
    default Optional<String> enabledBy() {
        return Optional.empty();
    }

    /** Builds the notifier; called only when the kind is switched on. */
    Notifier create(Settings settings, Clock clock);
}
