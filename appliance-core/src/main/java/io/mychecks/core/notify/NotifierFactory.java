package io.mychecks.core.notify;

import io.mychecks.core.settings.Settings;
import java.time.Clock;

/**
 * Builds a {@link Notifier} from the appliance's settings; found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.mychecks.core.notify.NotifierFactory}).
 */
public interface NotifierFactory {
    /** Returns the notifier, or null when the settings disable this kind. */
    Notifier create(Settings settings, Clock clock);
}
