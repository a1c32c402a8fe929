package io.mychecks.core.notify;

import io.mychecks.core.settings.SettingKey;
import io.mychecks.core.settings.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The notifiers of this appliance, by kind, and the description of every kind on the class path
 * (switched off ones included) for forms and the console.
 */
public final class NotifierRegistry {
    private final Map<String, Notifier> byKind = new LinkedHashMap<>();
    private final List<KindDescription> described;

    /** A registry of exactly these notifiers (tests); it describes no kind. */
    public NotifierRegistry(List<Notifier> notifiers) {
        this(notifiers, List.of());
    }

    private NotifierRegistry(List<Notifier> notifiers, List<KindDescription> described) {
        notifiers.forEach(n -> byKind.put(n.kind(), n));
        this.described = List.copyOf(described);
    }

    /** Every kind the class path provides; builds the notifiers of those the settings enable. */
    public static NotifierRegistry load(Settings settings, Clock clock) {
        return of(
                ServiceLoader.load(NotifierFactory.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList(),
                settings,
                clock);
    }

    /** The registry of {@code factories}, the kinds the settings switch off left unbuilt. */
    public static NotifierRegistry of(
            List<NotifierFactory> factories, Settings settings, Clock clock) {
        List<Notifier> notifiers = new ArrayList<>();
        List<KindDescription> described = new ArrayList<>();
        for (NotifierFactory f : factories) {
            boolean on = enabled(f, settings);
            if (on) {
                Notifier n = f.create(settings, clock);
                if (!n.kind().equals(f.kind())) {
                    throw new IllegalStateException(
                            "notifier factory of kind " + f.kind() + " built kind " + n.kind());
                }
                notifiers.add(n);
            }
            described.add(
                    new KindDescription(
                            f.kind(),
                            f.label(),
                            on,
                            f.enabledBy().orElse(""),
                            f.fields(),
                            f.settingKeys()));
        }
        return new NotifierRegistry(notifiers, described);
    }

    /** True unless the kind's switch setting says False (its own default when unset). */
    static boolean enabled(NotifierFactory f, Settings settings) {
        if (f.enabledBy().isEmpty()) {
            return true;
        }
        String name = f.enabledBy().get();
        String value = settings.get(name);
        if (value.isEmpty()) {
            value =
                    f.settingKeys().stream()
                            .filter(k -> k.name().equals(name))
                            .map(SettingKey::defaultValue)
                            .findFirst()
                            .orElse("False");
        }
        return "True".equals(value); // as Settings.bool reads booleans
    }

    /** The notifier of {@code kind}; empty when no such kind exists or it is switched off. */
    public Optional<Notifier> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /**
     * Why channels of {@code kind} get no deliveries (it has no notifier): the error stored on
     * their deliveries.
     */
    public String unavailable(String kind) {
        return described.stream()
                .filter(d -> d.kind().equals(kind) && !d.enabled())
                .findFirst()
                .map(
                        d ->
                                "Integration kind '"
                                        + kind
                                        + "' is switched off ("
                                        + d.switchSetting()
                                        + "=False)")
                .orElse("Integration kind '" + kind + "' is not available");
    }

    /** The kinds that are switched on. */
    public Set<String> kinds() {
        return byKind.keySet();
    }

    /** Every kind on the class path, switched off ones included, in registration order. */
    public List<KindDescription> descriptions() {
        return described;
    }
}
