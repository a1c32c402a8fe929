package io.mychecks.core.notify;

import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The notifiers of this appliance, by kind. */
public final class NotifierRegistry {
    private final Map<String, Notifier> byKind = new LinkedHashMap<>();

    public NotifierRegistry(List<Notifier> notifiers) {
        notifiers.forEach(n -> byKind.put(n.kind(), n));
    }

    /** Every notifier the class path provides and the settings enable. */
    public static NotifierRegistry load(Settings settings, Clock clock) {
        List<Notifier> list =
                ServiceLoader.load(NotifierFactory.class).stream()
                        .map(p -> p.get().create(settings, clock))
                        .filter(n -> n != null)
                        .toList();
        return new NotifierRegistry(list);
    }

    public Optional<Notifier> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Set<String> kinds() {
        return byKind.keySet();
    }
}
